"use client";

import { ClipboardCheck } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { OutcomeFormProps } from "./outcome-form";

const formBody = lazyIsland(() => import("./outcome-form").then((module) => module.OutcomeForm));

/** Records what became of a live release: kept, rolled back (to which version, restored when), or rolled forward by one of its patches. */
export function OutcomeDialog({
  releaseName,
  ...form
}: OutcomeFormProps & { releaseName: string }) {
  return (
    <LazyBodyModal
      title={`Outcome of ${releaseName}`}
      description="Production is the final test: what became of this release after its go-live?"
      trigger={
        <Button variant={form.current ? "secondary" : "primary"}>
          <ClipboardCheck aria-hidden />
          {form.current ? "Correct the outcome" : "Record outcome"}
        </Button>
      }
      body={formBody}
      bodyProps={form}
    />
  );
}
