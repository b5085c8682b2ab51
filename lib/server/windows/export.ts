import "server-only";

// GET /api/windows/export: the windows of an environment for tools that enforce windows
// themselves: an Argo CD AppProject with its syncWindows (YAML), GitLab freeze periods (JSON) and
// iCalendar with the recurrence rules. Which rules cron can state, and the expansion of those it
// cannot, is lib/domain/window-export.ts; this file only writes the formats.
import * as timezonesIcal from "timezones-ical-library";
import { stringify } from "yaml";

import { windowApplies } from "@/lib/domain/deployment-windows";
import { periodsForRegion } from "@/lib/domain/settings";
import { wallTimeOf } from "@/lib/domain/wall-clock";
import {
  cronAt,
  crossesOffsetChange,
  EXPORT_HORIZON_DAYS,
  type ExportEntry,
  exportEntries,
  gapsBetween,
  goDuration,
} from "@/lib/domain/window-export";
import { escapeText, foldLine } from "@/lib/ics";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { WindowExportQuery } from "@/lib/validation/windows";

import { loadWindows } from "./windows";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type WindowExport = { body: string; contentType: string; filename: string };

async function entriesFor(query: WindowExportQuery, now: Date) {
  const settings = await getPlanningSettings();
  const windows = (await loadWindows()).filter((window) =>
    query.product
      ? windowApplies(window, query.environment, query.product)
      : window.environments.includes(query.environment),
  );
  // Freezes of the company's default region count as deny windows for PROD.
  const freezes =
    query.environment === "PROD"
      ? periodsForRegion(settings.periods, settings.defaultRegion).freezes
      : [];
  const timeZone = settings.companyTimeZone;
  const entries = exportEntries({
    windows,
    freezes,
    timeZone,
    now: now.getTime(),
    today: companyToday(timeZone, now),
  });
  return { entries, timeZone };
}

function header(query: WindowExportQuery, timeZone: string, now: Date): string[] {
  return [
    `Deployment windows of ${query.environment}${query.product ? ` for ${query.product}` : ""} from Release Calendar, ${now.toISOString()}.`,
    `Times are wall-clock times in ${timeZone}. Change them in Release Calendar, not here: export again instead.`,
  ];
}

/** An Argo CD AppProject whose syncWindows are the environment's windows. */
function argoCd(query: WindowExportQuery, entries: ExportEntry[], timeZone: string, now: Date) {
  const notes: string[] = [];
  const syncWindows = entries.flatMap((entry) => {
    const base = {
      kind: entry.kind === "ALLOW" ? "allow" : "deny",
      applications: entry.products.length > 0 ? [...entry.products] : ["*"],
      manualSync: false,
      timeZone,
    };
    // Argo CD adds durations in real hours: a daylight-saving change inside an occurrence would
    // move its end by an hour, so such a rule is written occurrence by occurrence.
    const exact = entry.cron && !entry.occurrences.some(crossesOffsetChange);
    if (exact) {
      return [
        {
          ...base,
          description: entry.name,
          schedule: entry.cron!.start,
          duration: goDuration(entry.durationMinutes),
        },
      ];
    }
    notes.push(
      `'${entry.name}' is expanded into its ${entry.occurrences.length} occurrences of the next twelve months: ${entry.cron ? "a daylight-saving change falls inside some, and Argo CD counts durations in real hours" : "cron cannot state its rule"}. Export again within a year.`,
    );
    return entry.occurrences.map((found) => ({
      ...base,
      description: `${entry.name} (${new Date(found.startWall).toISOString().slice(0, 10)})`,
      schedule: cronAt(found.startWall),
      duration: goDuration(Math.round((found.end - found.start) / MINUTE_MS)),
    }));
  });
  const project = {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AppProject",
    metadata: { name: `release-calendar-${query.environment.toLowerCase()}`, namespace: "argocd" },
    spec: { syncWindows },
  };
  const comments = [...header(query, timeZone, now), ...notes].map((line) => `# ${line}`);
  return `${comments.join("\n")}\n${stringify(project)}`;
}

/** GitLab freeze periods (cron in the zone, both ends): deny windows, and the gaps between allow ones. */
function gitLab(query: WindowExportQuery, entries: ExportEntry[], timeZone: string, now: Date) {
  const notes: string[] = [];
  const periods: {
    freeze_start: string;
    freeze_end: string;
    cron_timezone: string;
    name: string;
  }[] = [];
  const single = (name: string, start: number, end: number) =>
    periods.push({
      name,
      freeze_start: cronAt(wallTimeOf(start, timeZone)),
      freeze_end: cronAt(wallTimeOf(end, timeZone)),
      cron_timezone: timeZone,
    });
  for (const entry of entries.filter((candidate) => candidate.kind === "DENY")) {
    if (entry.cron?.end) {
      periods.push({
        name: entry.name,
        freeze_start: entry.cron.start,
        freeze_end: entry.cron.end,
        cron_timezone: timeZone,
      });
      continue;
    }
    notes.push(
      `'${entry.name}' is expanded into its ${entry.occurrences.length} occurrences of the next twelve months: cron cannot state ${entry.cron ? "its end" : "its rule"}. Export again within a year.`,
    );
    for (const found of entry.occurrences) single(entry.name, found.start, found.end);
  }
  const allows = entries.filter((candidate) => candidate.kind === "ALLOW");
  if (allows.length > 0) {
    // GitLab knows only freezes: outside the allow windows is frozen, gap by gap.
    const to = now.getTime() + EXPORT_HORIZON_DAYS * DAY_MS;
    const gaps = gapsBetween(
      allows.flatMap((entry) => entry.occurrences),
      now.getTime(),
      to,
    );
    notes.push(
      `GitLab has no allow windows: the ${gaps.length} gaps between ${allows.map((entry) => `'${entry.name}'`).join(", ")} in the next twelve months are freeze periods. Export again within a year.`,
    );
    for (const gap of gaps) single("Outside the allow windows", gap.start, gap.end);
  }
  return `${JSON.stringify(
    {
      comment: [...header(query, timeZone, now), ...notes].join(" "),
      environment: query.environment,
      product: query.product ?? null,
      cron_timezone: timeZone,
      freeze_periods: periods,
    },
    null,
    2,
  )}\n`;
}

function icsLocal(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19).replace(/[-:]/g, "");
}

/** RFC 5545 DURATION with nominal days, so that each occurrence keeps its wall-clock length. */
function icsDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const rest = minutes % 1440;
  const time =
    rest > 0
      ? `T${Math.floor(rest / 60) > 0 ? `${Math.floor(rest / 60)}H` : ""}${rest % 60 > 0 ? `${rest % 60}M` : ""}`
      : "";
  return `P${days > 0 ? `${days}D` : ""}${time || (days > 0 ? "" : "T0M")}`;
}

/** iCalendar: each window one event with its rule in the company zone, freezes as all-day events. */
function iCalendar(query: WindowExportQuery, entries: ExportEntry[], timeZone: string, now: Date) {
  const [vtimezone] = timezonesIcal.tzlib_get_ical_block(timeZone) as string[];
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Release Calendar//Deployment windows//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(`Deployment windows ${query.environment}`)}`,
    `X-WR-CALDESC:${escapeText(header(query, timeZone, now).join(" "))}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...(vtimezone ? vtimezone.split(/\r\n/) : []),
  ];
  for (const entry of entries) {
    const kind = entry.kind === "ALLOW" ? "Allow" : "Deny";
    lines.push("BEGIN:VEVENT");
    if (entry.window) {
      const window = entry.window;
      lines.push(
        `UID:window-${window.id}-${query.environment.toLowerCase()}@release-calendar`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${timeZone}:${icsLocal(Date.parse(`${window.startsOn}T${window.startTime}:00Z`))}`,
        `DURATION:${icsDuration(window.durationMinutes)}`,
        `RRULE:${window.rule.replace(/^RRULE:/i, "")}`,
        `SUMMARY:${escapeText(`${kind}: ${window.name}`)}`,
        `CATEGORIES:${kind.toUpperCase()}`,
      );
    } else if (entry.freeze) {
      const { start, end, yearly } = entry.freeze;
      const after = new Date(Date.parse(`${end}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      lines.push(
        `UID:freeze-${start}-${escapeText(entry.name).replace(/[^\w-]/g, "")}@release-calendar`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${start.replace(/-/g, "")}`,
        `DTEND;VALUE=DATE:${after.replace(/-/g, "")}`,
        ...(yearly ? ["RRULE:FREQ=YEARLY"] : []),
        `SUMMARY:${escapeText(`Freeze: ${entry.name}`)}`,
        "CATEGORIES:DENY",
      );
    }
    if (entry.products.length > 0) {
      lines.push(`DESCRIPTION:${escapeText(`Only for ${entry.products.join(", ")}.`)}`);
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

export async function exportWindows(
  query: WindowExportQuery,
  now = new Date(),
): Promise<WindowExport> {
  const { entries, timeZone } = await entriesFor(query, now);
  const name = `deployment-windows-${query.environment.toLowerCase()}${query.product ? `-${query.product}` : ""}`;
  switch (query.format) {
    case "argocd":
      return {
        body: argoCd(query, entries, timeZone, now),
        contentType: "application/yaml; charset=utf-8",
        filename: `${name}.yaml`,
      };
    case "gitlab":
      return {
        body: gitLab(query, entries, timeZone, now),
        contentType: "application/json; charset=utf-8",
        filename: `${name}.json`,
      };
    case "ics":
      return {
        body: iCalendar(query, entries, timeZone, now),
        contentType: "text/calendar; charset=utf-8",
        filename: `${name}.ics`,
      };
  }
}
