"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { StageKey } from "@/lib/domain/stages";

import { StageDrawer } from "./stage-drawer";

type Selection = { releaseId: string; stage: StageKey; returnFocus: HTMLElement } | null;

function segments(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>("[data-segment]")];
}

/**
 * Keyboard and pointer behaviour of the timeline and calendar bars: one tab stop for all of them
 * (roving tabindex), arrow keys between bars (left/right within a row, up/down between rows),
 * Enter or a click opens the stage in a drawer. The bars themselves are rendered on the server.
 */
export function BarInteractions({ children }: { children: React.ReactNode }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Selection>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root || root.querySelector("[data-segment][tabindex='0']")) return;
    const first = root.querySelector<HTMLButtonElement>("[data-segment]");
    if (first) first.tabIndex = 0;
  });

  const focusSegment = useCallback((target: HTMLButtonElement | undefined) => {
    if (!target || !rootRef.current) return;
    for (const segment of segments(rootRef.current)) segment.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }, []);

  function handleKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const current = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-segment]");
    if (!current || !rootRef.current) return;
    const all = segments(rootRef.current);
    const row = Number(current.dataset.row);
    const col = Number(current.dataset.col);
    const inRow = (r: number) => all.filter((segment) => Number(segment.dataset.row) === r);
    let target: HTMLButtonElement | undefined;
    if (event.key === "ArrowRight") target = inRow(row).find((s) => Number(s.dataset.col) > col);
    else if (event.key === "ArrowLeft")
      target = inRow(row)
        .reverse()
        .find((s) => Number(s.dataset.col) < col);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const rows = [...new Set(all.map((s) => Number(s.dataset.row)))].sort((a, b) => a - b);
      const nextRow =
        event.key === "ArrowDown" ? rows.find((r) => r > row) : rows.reverse().find((r) => r < row);
      if (nextRow !== undefined) {
        const candidates = inRow(nextRow);
        target = candidates.find((s) => Number(s.dataset.col) === col) ?? candidates.at(-1);
      }
    } else if (event.key === "Home") target = inRow(row)[0];
    else if (event.key === "End") target = inRow(row).at(-1);
    else return;
    event.preventDefault();
    focusSegment(target);
  }

  function handleClick(event: React.MouseEvent<HTMLDivElement>) {
    const segment = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-segment]");
    if (!segment) return;
    focusSegment(segment);
    setSelection({
      releaseId: segment.dataset.release!,
      stage: segment.dataset.stage as StageKey,
      returnFocus: segment,
    });
  }

  return (
    // The handlers only act on the bar buttons inside, which are focusable and labelled themselves.

    <div ref={rootRef} onKeyDown={handleKeyDown} onClick={handleClick}>
      {children}
      {selection && (
        <StageDrawer
          releaseId={selection.releaseId}
          stage={selection.stage}
          onClose={() => {
            const bar = selection.returnFocus;
            setSelection(null);
            // After the drawer is gone (it restores focus itself first), back to the bar.
            requestAnimationFrame(() => bar.focus());
          }}
        />
      )}
    </div>
  );
}
