"use client";

import "./globals.css";

/**
 * The root layout itself failed: this replaces the whole document, so it brings its own. Kept to
 * plain markup (no shared components): every page loads it, for a failure that should never come.
 */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        <main className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
          <p className="text-sm font-semibold text-accent">Error</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg">
            Something went wrong
          </h1>
          <p className="mt-2 max-w-md text-sm text-muted">
            Release Calendar could not be shown. Nothing was changed. Try again in a moment; if it
            keeps failing, tell your administrator the reference below.
          </p>
          {error.digest && (
            <p className="mt-3 text-xs text-muted">
              Reference <code className="font-mono text-fg">{error.digest}</code>
            </p>
          )}
          <button
            type="button"
            onClick={reset}
            className="mt-6 h-9 rounded-md border border-border-strong bg-surface px-4 text-sm font-medium text-fg shadow-xs hover:bg-surface-muted"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
