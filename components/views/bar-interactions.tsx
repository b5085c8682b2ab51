"use client";

import { Suspense, useCallback, useEffect, useRef, useState } from "react";

import { addDays, formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { StageKey } from "@/lib/domain/stages";

import type { ReplanProposal } from "../releases/replan-dialog";
import { lazyIsland } from "../ui/lazy-island";

import {
  draggableStageBarAt,
  isDragHandle,
  readStageBar,
  stageBarAt,
  stageBarsIn,
} from "./stage-bar";

// Loaded when first opened: the timeline's first load carries only what draws and navigates it.
const { Component: StageDrawer } = lazyIsland(() =>
  import("./stage-drawer").then((m) => m.StageDrawer),
);
const { Component: ReplanDialog } = lazyIsland(() =>
  import("../releases/replan-dialog").then((m) => m.ReplanDialog),
);

type Selection = { releaseId: string; stage: StageKey; returnFocus: HTMLElement } | null;
type Replan = { releaseId: string; proposal: ReplanProposal; date?: IsoDate } | null;

/** A drag in progress: a stage's end (its right edge) or the go-live (the PROD bar) moving by whole days. */
type Drag = {
  segment: HTMLElement;
  pointerId: number;
  startX: number;
  dayWidth: number;
  isGoLive: boolean;
  from: IsoDate;
  inlineWidth: string;
  days: number;
  isMoving: boolean;
};

/**
 * Keyboard and pointer behaviour of the timeline, calendar and environments bars (`StageBar`s,
 * rendered on the server): one tab stop for all of them (roving tabindex), arrow keys between bars
 * (left/right within a row, up/down between rows), Enter or a click opens the stage in a drawer.
 * For release managers, a draggable bar moves by whole days: a stage's right edge proposes a new
 * end, the PROD bar a new go-live; dropping opens the what-if re-plan with that proposal (nothing
 * is saved until they say so).
 */
export function BarInteractions({
  children,
  canReplan = false,
}: {
  children: React.ReactNode;
  canReplan?: boolean;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [replan, setReplan] = useState<Replan>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const [dragHint, setDragHint] = useState<{ text: string; x: number; y: number } | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const bars = stageBarsIn(root);
    if (bars.some((bar) => bar.tabIndex === 0)) return;
    if (bars[0]) bars[0].tabIndex = 0;
  });

  const focusSegment = useCallback((target: HTMLButtonElement | undefined) => {
    if (!target || !rootRef.current) return;
    for (const bar of stageBarsIn(rootRef.current)) bar.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }, []);

  function handleKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && drag.current) {
      endDrag(false);
      return;
    }
    const current = stageBarAt(event.target);
    if (!current || !rootRef.current) return;
    const all = stageBarsIn(rootRef.current).map((element) => ({
      element,
      ...readStageBar(element),
    }));
    const { row, col } = readStageBar(current);
    const inRow = (r: number) => all.filter((bar) => bar.row === r);
    let target: (typeof all)[number] | undefined;
    if (event.key === "ArrowRight") target = inRow(row).find((bar) => bar.col > col);
    else if (event.key === "ArrowLeft")
      target = inRow(row)
        .reverse()
        .find((bar) => bar.col < col);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const rows = [...new Set(all.map((bar) => bar.row))].sort((a, b) => a - b);
      const nextRow =
        event.key === "ArrowDown" ? rows.find((r) => r > row) : rows.reverse().find((r) => r < row);
      if (nextRow !== undefined) {
        const candidates = inRow(nextRow);
        target = candidates.find((bar) => bar.col === col) ?? candidates.at(-1);
      }
    } else if (event.key === "Home") target = inRow(row)[0];
    else if (event.key === "End") target = inRow(row).at(-1);
    else return;
    event.preventDefault();
    focusSegment(target?.element);
  }

  function handleClick(event: React.MouseEvent<HTMLDivElement>) {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const bar = stageBarAt(event.target);
    if (!bar) return;
    focusSegment(bar);
    const { releaseId, stage } = readStageBar(bar);
    setSelection({ releaseId, stage, returnFocus: bar });
  }

  function handlePointerDown(event: React.PointerEvent<HTMLDivElement>) {
    if (!canReplan || event.button !== 0) return;
    const segment = draggableStageBarAt(event.target);
    if (!segment) return;
    const { stage, dragFrom } = readStageBar(segment);
    const isGoLive = stage === "PROD";
    // A stage moves by its right edge; the one-day PROD bar moves as a whole.
    if (!isGoLive && !isDragHandle(event.target)) return;
    const track = segment.parentElement!;
    drag.current = {
      segment,
      pointerId: event.pointerId,
      startX: event.clientX,
      dayWidth: track.getBoundingClientRect().width / Number(track.dataset.days),
      isGoLive,
      from: dragFrom!,
      inlineWidth: segment.style.width,
      days: 0,
      isMoving: false,
    };
  }

  function handlePointerMove(event: React.PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || event.pointerId !== current.pointerId) return;
    const dx = event.clientX - current.startX;
    if (!current.isMoving) {
      if (Math.abs(dx) < 4) return;
      current.isMoving = true;
      current.segment.setPointerCapture(event.pointerId);
    }
    current.days = Math.round(dx / current.dayWidth);
    const offset = current.days * current.dayWidth;
    if (current.isGoLive) current.segment.style.transform = `translateX(${offset}px)`;
    else
      current.segment.style.width = `calc(${current.inlineWidth} + ${Math.max(offset, -current.segment.offsetWidth + current.dayWidth)}px)`;
    const date = addDays(current.from, current.days);
    setDragHint({
      text: `${current.isGoLive ? "Go-live" : `${readStageBar(current.segment).stage} ends`} ${formatDisplayDate(date)}`,
      x: event.clientX,
      y: current.segment.getBoundingClientRect().top,
    });
  }

  function endDrag(propose: boolean) {
    const current = drag.current;
    drag.current = null;
    setDragHint(null);
    if (!current?.isMoving) return;
    current.segment.style.transform = "";
    current.segment.style.width = current.inlineWidth;
    suppressClick.current = true;
    if (!propose || current.days === 0) return;
    const { releaseId, stage } = readStageBar(current.segment);
    setReplan({
      releaseId,
      proposal: current.isGoLive ? { mode: "goLive" } : { mode: "stageEnd", stage },
      date: addDays(current.from, current.days),
    });
  }

  return (
    // The handlers only act on the bar buttons inside, which are focusable and labelled themselves.
    <div
      ref={rootRef}
      onKeyDown={handleKeyDown}
      onClick={handleClick}
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={() => endDrag(true)}
      onPointerCancel={() => endDrag(false)}
    >
      {children}
      {dragHint && (
        <div
          role="status"
          style={{ left: dragHint.x, top: dragHint.y - 34 }}
          className="pointer-events-none fixed z-50 -translate-x-1/2 rounded-md bg-fg px-2 py-1 text-xs font-medium whitespace-nowrap text-white shadow-lg"
        >
          {dragHint.text}
        </div>
      )}
      <Suspense fallback={null}>
        {selection && (
          <StageDrawer
            releaseId={selection.releaseId}
            stage={selection.stage}
            onReplan={
              canReplan
                ? (proposal) => {
                    setSelection(null);
                    setReplan({ releaseId: selection.releaseId, proposal });
                  }
                : undefined
            }
            onClose={() => {
              const bar = selection.returnFocus;
              setSelection(null);
              // After the drawer is gone (it restores focus itself first), back to the bar.
              requestAnimationFrame(() => bar.focus());
            }}
          />
        )}
        {replan && (
          <ReplanDialog
            releaseId={replan.releaseId}
            initial={replan.proposal}
            initialDate={replan.date}
            onClose={() => setReplan(null)}
          />
        )}
      </Suspense>
    </div>
  );
}
