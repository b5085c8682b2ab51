import "server-only";

import { maxDate } from "@/lib/domain/dates";
import { renderMarkdown } from "@/lib/domain/markdown";
import { RELEASE_STATUS_NAMES, STAGE_STATUS_NAMES } from "@/lib/domain/stages";
import { buildCalendar, type IcsEvent } from "@/lib/ics";
import { getDb } from "@/lib/server/db/client";
import { listReleases } from "@/lib/server/releases/list-releases";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

/** A calendar shows an event's description in a small box: long notes end with a pointer. */
const MAX_NOTES_CHARACTERS = 4000;

function notesText(notes: string | undefined, url: string): string | null {
  if (!notes) return null;
  const text =
    notes.length > MAX_NOTES_CHARACTERS
      ? `${notes.slice(0, MAX_NOTES_CHARACTERS)}…\n(The full notes: ${url})`
      : notes;
  return `Release notes:\n${text}`;
}

function eventsOf(release: ReleaseDto, origin: string, notes?: string): IcsEvent[] {
  const url = `${origin}/releases/${release.id}`;
  const label = `${release.name} (${release.version})`;
  const status =
    release.status === "CANCELLED"
      ? "CANCELLED"
      : release.status === "PLANNED"
        ? "TENTATIVE"
        : "CONFIRMED";
  const common = {
    sequence: release.revision,
    url,
    status,
    lastModified: new Date(release.updatedAt),
  } as const;
  const stages = release.stages.map((stage): IcsEvent => {
    // What happened where it happened, the current plan otherwise.
    const start = stage.actualStart ?? stage.plannedStart;
    const end = stage.actualEnd ?? maxDate(stage.plannedEnd, start);
    return {
      ...common,
      uid: `stage-${release.id}-${stage.key}@release-calendar`,
      start,
      end,
      summary: `${stage.key} · ${label}`,
      categories: [stage.key, release.type === "PATCH" ? "Patch" : "Release"],
      description: [
        `${stage.name} stage of ${label}: ${STAGE_STATUS_NAMES[stage.status]}.`,
        `${stage.workingDays} working ${stage.workingDays === 1 ? "day" : "days"}; ${stage.approvalsRequired} approval(s) required.`,
        `Release status: ${RELEASE_STATUS_NAMES[release.status]}.`,
        `Open in Release Calendar: ${url}`,
      ].join("\n"),
    };
  });
  const goLive: IcsEvent = {
    ...common,
    uid: `golive-${release.id}@release-calendar`,
    start: release.forecastGoLive,
    end: release.forecastGoLive,
    summary: `Go-live: ${label}`,
    categories: ["Go-live"],
    description: [
      `${release.status === "LIVE" ? "Went live" : "Planned go-live"} of ${label}.`,
      release.forecastGoLive !== release.baselineGoLive
        ? `Baseline was ${release.baselineGoLive}.`
        : null,
      release.atRisk
        ? `At risk: ${release.slipWorkingDays} working days behind the baseline.`
        : null,
      notesText(notes, url),
      `Open in Release Calendar: ${url}`,
    ]
      .filter(Boolean)
      .join("\n"),
  };
  return [...stages, goLive];
}

/** The iCalendar feed of everything the user may see: stage windows and go-lives, all-day. */
export async function buildFeed(
  user: SessionUser,
  origin: string,
  options: { products?: string[]; now?: Date } = {},
): Promise<string> {
  void user; // every role sees every release today; scoping would go here
  const releases = await listReleases({ product: options.products });
  const published = await getDb().releaseNotes.findMany({
    where: {
      state: "PUBLISHED",
      ...(options.products && { release: { product: { key: { in: options.products } } } }),
    },
    select: { releaseId: true, markdown: true },
  });
  const notes = new Map(published.map((row) => [row.releaseId, renderMarkdown(row.markdown).text]));
  const now = options.now ?? new Date();
  return buildCalendar({
    name: "Release Calendar",
    description: "Stage windows and go-lives of releases and patches",
    events: releases.flatMap((release) => eventsOf(release, origin, notes.get(release.id))),
    now,
  });
}
