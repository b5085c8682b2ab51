"use client";

import "./globals.css";

import { ErrorStatus } from "@/components/layout/error-status";

/** The root layout itself failed: this replaces the whole document, so it brings its own. */
export default function GlobalError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        <ErrorStatus {...props} />
      </body>
    </html>
  );
}
