"use client";

import type { ActionState } from "@/lib/action-state";

import { ConfirmRemoveButton } from "../ui/confirm-remove-button";

/** Removes a product's train (its releases stay). */
export function TrainRemoveButton({
  productKey,
  remove,
}: {
  productKey: string;
  remove: (command: { key: string }) => Promise<ActionState>;
}) {
  return (
    <ConfirmRemoveButton
      title="Remove the release train?"
      description="No more releases are planned from it. The releases it planned stay as they are."
      confirmLabel="Remove train"
      remove={() => remove({ key: productKey })}
    />
  );
}
