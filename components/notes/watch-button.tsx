"use client";

import { Eye, EyeOff } from "lucide-react";

import type { ActionState } from "@/lib/action-state";

import { ActionGroup } from "../ui/action-group";
import { Button } from "../ui/button";
import { useActionRunner } from "../ui/use-action-runner";

export type WatchTarget = { kind: "product"; key: string } | { kind: "release"; id: string };
export type WatchAction = (raw: WatchTarget & { watch: boolean }) => Promise<ActionState>;

/**
 * Watch (or stop watching) a product or a release: the watcher hears when it ships, with its notes,
 * and when its go-live moves, it is at risk, held or cancelled.
 */
export function WatchButton({
  target,
  watching,
  throughProduct,
  action,
}: {
  target: WatchTarget;
  watching: boolean;
  /** The product name when its release is watched through the product (and not itself). */
  throughProduct?: string | null;
  action: WatchAction;
}) {
  const { run, isPending, problem } = useActionRunner();
  const what = target.kind === "product" ? "product" : "release";
  return (
    <ActionGroup problem={problem}>
      {throughProduct && !watching ? (
        <span className="inline-flex items-center gap-1.5 text-sm text-muted">
          <Eye aria-hidden className="size-4" />
          Watching {throughProduct}
        </span>
      ) : (
        <Button
          variant="secondary"
          disabled={isPending}
          aria-pressed={watching}
          title={
            watching
              ? `Stop hearing about this ${what}`
              : `Hear when this ${what} ships (with its notes) and when its date moves`
          }
          onClick={() => run(() => action({ ...target, watch: !watching }))}
        >
          {watching ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
          {watching ? "Stop watching" : `Watch ${what}`}
        </Button>
      )}
    </ActionGroup>
  );
}
