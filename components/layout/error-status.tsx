"use client";

import { StatusPage } from "./status-page";

/**
 * What a page that failed shows: that nothing was changed, a way to try again, and the error's
 * reference (Next.js' digest), which is also in the server log, for whoever investigates.
 */
export function ErrorStatus({
  error,
  reset,
  inApp = false,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  /** Inside the signed-in layout (see StatusPage). */
  inApp?: boolean;
}) {
  return (
    <StatusPage
      inApp={inApp}
      code="Error"
      title="Something went wrong"
      description="The page could not be shown. Nothing was changed. Try again in a moment; if it keeps failing, tell your administrator the reference below."
      detail={
        error.digest && (
          <p className="text-xs text-muted">
            Reference{" "}
            <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-fg">
              {error.digest}
            </code>
          </p>
        )
      }
      action={
        // A plain button: this loads with every page, for failures that should not come.
        <button
          type="button"
          onClick={reset}
          className="h-9 rounded-md border border-border-strong bg-surface px-4 text-sm font-medium text-fg shadow-xs hover:bg-surface-muted"
        >
          Try again
        </button>
      }
    />
  );
}
