"use client";

import type { IsoDate } from "@/lib/domain/dates";

import { useApiPreview } from "../ui/use-api-preview";

import type { PickMode } from "./month-picker";
import type { PlanView } from "./plan-preview";

/** The plan a go-live (or DEV start) gives, through POST /api/plan as the person picks (nothing written). */
export function usePlanPreview(mode: PickMode, date: IsoDate | null, region: string) {
  const { data, problem, isLoading } = useApiPreview<PlanView>(
    "/api/plan",
    date ? { [mode]: date, region } : undefined,
  );
  return { plan: data, problem, isLoading };
}
