import { AlertTriangle, Flag, X } from "lucide-react";
import type { CSSProperties } from "react";

import type { IsoDate } from "@/lib/domain/dates";
import type { StageKey, StageStatus } from "@/lib/domain/stages";
import { cn } from "@/lib/utils";

import { stageBarClassName, stageBarStyle } from "../releases/stage-style";

import { describeStage } from "./stage-label";

/** What a stage bar stands for; what the drawer, the keyboard and dragging need to know about it. */
export type StageBarData = {
  releaseId: string;
  stage: StageKey;
  /** Position for the arrow keys: a row (release or lane) and a column within it. */
  row: number;
  col: number;
  /** Set when a release manager may drag it: the date the drag starts from (a stage's end, or the go-live). */
  dragFrom?: IsoDate;
};

const SELECTOR = "[data-segment]";

/** Every stage bar inside `root` that can be seen (not in a closed group), in document order. */
export function stageBarsIn(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>(SELECTOR)].filter(
    (bar) => !bar.closest("details:not([open])"),
  );
}

/** The stage bar an event happened on, if any. */
export function stageBarAt(target: EventTarget | null): HTMLButtonElement | null {
  return target instanceof Element ? target.closest<HTMLButtonElement>(SELECTOR) : null;
}

/** Reads back what `StageBar` wrote on its button: the one place that knows the attribute names. */
export function readStageBar(element: HTMLElement): StageBarData {
  const { release, stage, row, col, date } = element.dataset;
  return {
    releaseId: release!,
    stage: stage as StageKey,
    row: Number(row),
    col: Number(col),
    dragFrom: element.dataset.draggable !== undefined ? date : undefined,
  };
}

/** Whether a pointer went down on the part of a bar that drags its end (its right edge). */
export function isDragHandle(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("[data-drag-handle]") !== null;
}

/** The bar being dragged, if the pointer went down on one that may be dragged. */
export function draggableStageBarAt(target: EventTarget | null): HTMLButtonElement | null {
  const bar = stageBarAt(target);
  return bar && bar.dataset.draggable !== undefined ? bar : null;
}

/**
 * One stage of one release as a bar: the stage's colour and state (UI.md), its key (and where there
 * is room, the release), marks for a rejection, the go-live and an environment conflict, and an
 * accessible name with the dates. Where it sits is the view's business (`style`); what happens on
 * click, arrow keys and drag is `BarInteractions`, which finds bars by what this writes.
 */
export function StageBar({
  data,
  releaseName,
  stage,
  style,
  isCancelled = false,
  isConflict = false,
  clipped = { start: false, end: false },
  showGoLiveFlag = false,
  className,
  children,
}: {
  data: StageBarData;
  releaseName: string;
  stage: { key: StageKey; status: StageStatus; start: IsoDate; end: IsoDate };
  style: CSSProperties;
  isCancelled?: boolean;
  isConflict?: boolean;
  /** The bar runs on beyond the view's edge at its start or end (no rounded corner there). */
  clipped?: { start: boolean; end: boolean };
  showGoLiveFlag?: boolean;
  className?: string;
  /** The visible text (the accessible name starts with it). */
  children?: React.ReactNode;
}) {
  const label = describeStage(releaseName, stage) + (isConflict ? ", environment conflict" : "");
  const isDraggable = data.dragFrom !== undefined;
  const isGoLive = stage.key === "PROD";
  return (
    <button
      type="button"
      tabIndex={-1}
      data-segment
      data-release={data.releaseId}
      data-stage={data.stage}
      data-row={data.row}
      data-col={data.col}
      data-status={stage.status}
      // Only the marks a bar has: a busy view draws hundreds of bars, each also in the RSC payload.
      {...(isDraggable && { "data-draggable": true, "data-date": data.dragFrom })}
      {...(isConflict && { "data-conflict": true })}
      aria-label={label}
      title={
        isDraggable ? `${label}. Drag ${isGoLive ? "it" : "its right edge"} to re-plan.` : label
      }
      style={{ ...style, ...stageBarStyle(stage.key) } as CSSProperties}
      className={cn(
        "stage-bar",
        clipped.start ? "rounded-l-none" : "rounded-l",
        clipped.end ? "rounded-r-none" : "rounded-r",
        stageBarClassName(stage.status, isCancelled),
        isConflict && "outline-2 outline-danger",
        isDraggable && isGoLive && "cursor-grab touch-none active:cursor-grabbing",
        className,
      )}
    >
      {stage.status === "REJECTED" && <X aria-hidden className="size-3 shrink-0 stroke-3" />}
      {showGoLiveFlag && isGoLive && <Flag aria-hidden className="size-3 shrink-0" />}
      {isConflict && <AlertTriangle aria-hidden className="size-3 shrink-0" />}
      {children}
      {isDraggable && !isGoLive && !clipped.end && (
        <span
          aria-hidden
          data-drag-handle
          className="absolute inset-y-0 right-0 w-2 cursor-ew-resize touch-none rounded-r hover:bg-fg/25"
        />
      )}
    </button>
  );
}
