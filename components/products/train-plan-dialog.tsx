"use client";

import { CalendarPlus } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { TrainPlanFormProps } from "./train-plan-form";

export type { PlanTrain } from "./train-plan-form";

const formBody = lazyIsland(() =>
  import("./train-plan-form").then((module) => module.TrainPlanForm),
);

/**
 * "Plan the next N": previews the releases the train would create — each on its train date, or on
 * the earliest free date after it with the shift and why — and creates them all at once.
 */
export function TrainPlanDialog(props: TrainPlanFormProps) {
  return (
    <LazyBodyModal
      title="Plan the next releases of the train"
      description="Each release goes on its train date when every environment has room, otherwise on the earliest free date after it, planned against the ones before it. All are created at once, or none."
      trigger={
        <Button size="sm">
          <CalendarPlus aria-hidden />
          Plan the next releases
        </Button>
      }
      body={formBody}
      bodyProps={props}
    />
  );
}
