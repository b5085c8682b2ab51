import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import {
  STAGE_NAMES,
  STAGE_STATUS_NAMES,
  type StageKey,
  type StageStatus,
} from "@/lib/domain/stages";

/**
 * What a stage bar says to a screen reader and on hover: stage, release, status and dates. It starts
 * with what the bar shows (the stage key, then the release name where there is room), so the
 * accessible name contains the visible text.
 */
export function describeStage(
  releaseName: string,
  stage: { key: StageKey; status: StageStatus; start: IsoDate; end: IsoDate },
): string {
  const dates =
    stage.start === stage.end
      ? formatDisplayDate(stage.start)
      : `${formatDisplayDate(stage.start)} to ${formatDisplayDate(stage.end)}`;
  const goLive = stage.key === "PROD" ? ", the go-live" : "";
  return `${stage.key} ${releaseName}, ${STAGE_NAMES[stage.key]}: ${STAGE_STATUS_NAMES[stage.status]}, ${dates}${goLive}`;
}
