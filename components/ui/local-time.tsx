"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

const FORMAT: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};

/**
 * An instant shown in the viewer's own time zone. The server cannot know that zone, so the first
 * render (server and hydration) shows UTC, and the browser then shows local time.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = isClient
    ? new Intl.DateTimeFormat("en-GB", FORMAT).format(date)
    : `${new Intl.DateTimeFormat("en-GB", { ...FORMAT, timeZone: "UTC" }).format(date)} UTC`;
  return (
    <time dateTime={iso} className={className} title={date.toISOString()}>
      {text}
    </time>
  );
}
