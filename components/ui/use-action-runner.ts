"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { ActionState } from "@/lib/action-state";

import { useToast } from "./toaster";

/**
 * Runs a server action from a button or a dialog: a success becomes a toast and the page refreshes
 * (the button may be gone afterwards, the toast stays); a failure is kept as `problem`, to show next
 * to what failed.
 */
export function useActionRunner(onSuccess?: () => void) {
  const router = useRouter();
  const toast = useToast();
  const [problem, setProblem] = useState<ActionState | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(action: () => Promise<ActionState>) {
    startTransition(async () => {
      const result = await action();
      if (result.status !== "success") {
        setProblem(result);
        return;
      }
      setProblem(null);
      toast({ message: result.message ?? "Done." });
      router.refresh();
      onSuccess?.();
    });
  }

  return { run, isPending, problem };
}
