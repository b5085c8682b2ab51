"use client";

import { AlertCircle } from "lucide-react";
import { useEffect } from "react";

import type { ActionState } from "@/lib/action-state";

import { AlertBox } from "./alert-box";
import { useToast } from "./toaster";

/**
 * The answer of a server action: an error stays next to the form (announced as an alert); a
 * success becomes a toast.
 */
export function FormStatus({ state }: { state: ActionState }) {
  const toast = useToast();
  useEffect(() => {
    if (state.status === "success" && state.message) toast({ message: state.message });
    // Each answer carries its own `at`: a repeated success shows again.
  }, [state.status, state.message, state.at, toast]);
  if (state.status !== "error" || !state.message) return null;
  return (
    <AlertBox tone="danger" icon={AlertCircle} role="alert">
      {state.message}
    </AlertBox>
  );
}
