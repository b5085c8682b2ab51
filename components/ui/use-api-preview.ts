"use client";

import { useEffect, useState } from "react";

import { type ApiProblem, fetchJson } from "@/lib/client/fetch-json";

/**
 * Asks a JSON route about `body` as the person types (a plan, a what-if) and keeps the answer for
 * the body it was given, so that a late answer never shows next to a newer question. Nothing is
 * asked while `body` is undefined; `version` asks again for the same body.
 */
export function useApiPreview<T>(
  url: string,
  body: object | undefined,
  options: { delayMs?: number; version?: number } = {},
): { data?: T; problem?: ApiProblem; isLoading: boolean } {
  const key = body === undefined ? undefined : JSON.stringify([url, body]);
  const [answer, setAnswer] = useState<{ key: string; data?: T; problem?: ApiProblem } | null>(
    null,
  );
  const { delayMs = 0, version = 0 } = options;
  useEffect(() => {
    if (key === undefined) return;
    const [target, payload] = JSON.parse(key) as [string, object];
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchJson<T>(target, { body: payload, signal: controller.signal })
        .then((result) =>
          setAnswer(result.ok ? { key, data: result.data } : { key, problem: result.problem }),
        )
        .catch(() => undefined); // aborted: a newer question is on its way
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs, version]);
  const current = answer && answer.key === key ? answer : null;
  return {
    data: current?.data,
    problem: current?.problem,
    isLoading: key !== undefined && current === null,
  };
}
