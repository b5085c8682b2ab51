"use client";

import { ErrorStatus } from "@/components/layout/error-status";

/** A page of the signed-in area failed: the header and navigation stay, the page says so. */
export default function AppErrorPage(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorStatus {...props} inApp />;
}
