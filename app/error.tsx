"use client";

import { ErrorStatus } from "@/components/layout/error-status";

/** A page outside the signed-in area failed (e.g. sign-in). */
export default function ErrorPage(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorStatus {...props} />;
}
