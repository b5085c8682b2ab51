"use client";

import { ShieldAlert } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { AskExceptionFormProps } from "./ask-exception-form";

const formBody = lazyIsland(() =>
  import("./ask-exception-form").then((module) => module.AskExceptionForm),
);

/** A release manager asks to open the gate for one environment and a few hours, for a reason. */
export function AskExceptionDialog({
  releaseName,
  ...form
}: AskExceptionFormProps & { releaseName: string }) {
  return (
    <LazyBodyModal
      title={`Exception for ${releaseName}`}
      description="Opens the gate despite deny windows and freezes, for this release, one environment and at most 72 hours. An administrator or another release manager decides. Stage order and the artifact still apply."
      trigger={
        <Button variant="secondary">
          <ShieldAlert aria-hidden />
          Ask for an exception…
        </Button>
      }
      body={formBody}
      bodyProps={form}
    />
  );
}
