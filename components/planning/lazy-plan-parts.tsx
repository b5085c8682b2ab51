"use client";

import { Suspense } from "react";

import { lazyIsland } from "../ui/lazy-island";

// What the planners show only once a date is picked (the plan, a date's problem, the search for
// the earliest free date): loaded then, in parallel with the plan's request, or earlier when the
// pointer or the focus reaches the month.
const planPreview = lazyIsland(() => import("./plan-preview").then((module) => module.PlanPreview));
const dateProblem = lazyIsland(() => import("./date-problem").then((module) => module.DateProblem));
const earliestDateFinder = lazyIsland(() =>
  import("./earliest-date-finder").then((module) => module.EarliestDateFinder),
);

export function preloadPlanParts(): void {
  void planPreview.preload();
  void dateProblem.preload();
  void earliestDateFinder.preload();
}

/** The earliest-free-date search (EarliestDateFinder), shown once a date is picked. */
export function LazyEarliestDateFinder(
  props: React.ComponentProps<typeof earliestDateFinder.Component>,
) {
  return (
    <Suspense fallback={null}>
      <earliestDateFinder.Component {...props} />
    </Suspense>
  );
}

/** The six stage windows of a picked date (PlanPreview), loaded when first shown. */
export function LazyPlanPreview(props: React.ComponentProps<typeof planPreview.Component>) {
  return (
    <Suspense fallback={null}>
      <planPreview.Component {...props} />
    </Suspense>
  );
}

/** Why a picked date cannot be (DateProblem), loaded when first shown. */
export function LazyDateProblem(props: React.ComponentProps<typeof dateProblem.Component>) {
  return (
    <Suspense fallback={null}>
      <dateProblem.Component {...props} />
    </Suspense>
  );
}
