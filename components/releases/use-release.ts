"use client";

import { useCallback, useEffect, useState } from "react";

import type { ReleaseDto } from "@/lib/server/releases/release-dto";
import type { ViewerActions } from "@/lib/server/releases/viewer-actions";

export type LoadedRelease = ReleaseDto & { viewer: ViewerActions };

/** A release as GET /api/releases/{id} answers it, loaded in the browser; `reload` fetches it again. */
export function useRelease(releaseId: string) {
  const [release, setRelease] = useState<LoadedRelease | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/releases/${releaseId}`, { signal: controller.signal })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
        setRelease(body as LoadedRelease);
        setError(null);
      })
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError(e.message);
      });
    return () => controller.abort();
  }, [releaseId, version]);

  return { release, error, reload };
}
