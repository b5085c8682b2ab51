import "server-only";

// Deny windows and exceptions as the calendar and the environments view draw them: cut into
// company days, each piece with a sentence for its tooltip.
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { dayPieces, minuteLabel, occurrencesOf, wallAt } from "@/lib/domain/deployment-windows";
import { instantOf, wallTimeOf } from "@/lib/domain/wall-clock";
import { formatWallTime } from "@/lib/domain/wall-clock";
import type { WindowMark } from "@/lib/types/windows";

import { exceptionsBetween } from "./exceptions";
import { loadWindows } from "./windows";

/** Every deny window and running or asked exception between two company days (both included). */
export async function windowMarks(
  range: { start: IsoDate; end: IsoDate },
  timeZone: string,
): Promise<WindowMark[]> {
  const from = instantOf(wallAt(range.start), timeZone);
  const to = instantOf(wallAt(addDays(range.end, 1)), timeZone);
  const windows = (await loadWindows()).filter((window) => window.kind === "DENY");
  const marks: WindowMark[] = [];
  const inRange = (piece: { date: IsoDate }) =>
    piece.date >= range.start && piece.date <= range.end;
  for (const window of windows) {
    const scope = window.products.length > 0 ? ` (${window.products.join(", ")} only)` : "";
    for (const found of occurrencesOf(window, timeZone, from, to)) {
      const span = `${formatWallTime(found.startWall).replace("T", " ")} – ${formatWallTime(found.endWall).replace("T", " ")}`;
      for (const piece of dayPieces(found.startWall, found.endWall).filter(inRange)) {
        marks.push({
          kind: "DENY",
          environments: [...window.environments],
          name: window.name,
          ...piece,
          title: `No deployments to ${window.environments.join(", ")}${scope}: '${window.name}', ${span}.`,
        });
      }
    }
  }
  for (const exception of await exceptionsBetween(null, new Date(from), new Date(to))) {
    const startWall = wallTimeOf(Date.parse(exception.from), timeZone);
    const endWall = wallTimeOf(Date.parse(exception.to), timeZone);
    const state = exception.state === "APPROVED" ? "Exception" : "Exception asked";
    for (const piece of dayPieces(startWall, endWall).filter(inRange)) {
      marks.push({
        kind: "EXCEPTION",
        environments: [exception.environment],
        name: exception.release.name,
        ...piece,
        title: `${state} for ${exception.release.name} in ${exception.environment}, ${minuteLabel(piece.startMinute)}–${minuteLabel(piece.endMinute)}: ${exception.reason}`,
        state: exception.state,
        releaseId: exception.release.id,
      });
    }
  }
  return marks;
}
