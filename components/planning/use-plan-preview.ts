"use client";

import type { IsoDate } from "@/lib/domain/dates";

import { STAGE_COLOR } from "../releases/stage-style";
import { useApiPreview } from "../ui/use-api-preview";

import type { PickMode } from "./month-picker";
import type { PlanView } from "./plan-preview";

/**
 * The plan a go-live (or DEV start) gives, through POST /api/plan as the person picks (nothing
 * written), and its stage windows as coloured stretches for the month picker.
 */
export function usePlanPreview(mode: PickMode, date: IsoDate | null, region: string) {
  const { data, problem, isLoading } = useApiPreview<PlanView>(
    "/api/plan",
    date ? { [mode]: date, region } : undefined,
  );
  const highlight =
    data?.stages.map((stage) => ({
      start: stage.start,
      end: stage.end,
      color: STAGE_COLOR[stage.key],
    })) ?? [];
  return { plan: data, problem, isLoading, highlight };
}

export type PlanPreviewState = ReturnType<typeof usePlanPreview>;
