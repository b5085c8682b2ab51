"use client";

import { StatusPage } from "@/components/layout/status-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      description="The page could not be loaded. Nothing was changed. Try again in a moment."
      action={
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    />
  );
}
