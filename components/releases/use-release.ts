"use client";

import { useCallback, useEffect, useState } from "react";

import { fetchJson } from "@/lib/client/fetch-json";
import type { LoadedRelease } from "@/lib/types/release";

/** A release as GET /api/releases/{id} answers it, loaded in the browser; `reload` fetches it again. */
export function useRelease(releaseId: string) {
  const [release, setRelease] = useState<LoadedRelease | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    fetchJson<LoadedRelease>(`/api/releases/${releaseId}`, { signal: controller.signal })
      .then((result) => {
        if (result.ok) {
          setRelease(result.data);
          setError(null);
        } else setError(result.problem.message);
      })
      .catch(() => undefined); // aborted
    return () => controller.abort();
  }, [releaseId, version]);

  return { release, error, reload };
}
