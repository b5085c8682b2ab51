"use client";

import { cloneElement, Suspense, useState } from "react";

import { lazyIsland, useResolvedElement } from "./lazy-island";
import type { TooltipProps } from "./tooltip-popup";

const popup = lazyIsland(() => import("./tooltip-popup").then((module) => module.TooltipPopup));

type HoverProps = {
  onPointerEnter?: (event: React.PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (event: React.PointerEvent<HTMLElement>) => void;
  onFocus?: (event: React.FocusEvent<HTMLElement>) => void;
  onBlur?: (event: React.FocusEvent<HTMLElement>) => void;
};

/**
 * A hover and focus hint; the trigger must be focusable and carry its own accessible text. Its code
 * (Radix's positioning, 15 KB gzip) loads when a pointer or the focus first reaches a trigger, and
 * the hint opens then if the pointer or the focus is still there.
 */
export function Tooltip({ children, ...popupProps }: TooltipProps) {
  // null until a pointer or the focus first arrives; then whether it is still there.
  const [isWanted, setWanted] = useState<boolean | null>(null);
  const element = useResolvedElement<HoverProps>(children);
  const own = element.props;
  const trigger = cloneElement(element, {
    onPointerEnter: (event) => {
      own.onPointerEnter?.(event);
      setWanted(true);
    },
    onPointerLeave: (event) => {
      own.onPointerLeave?.(event);
      setWanted(false);
    },
    onFocus: (event) => {
      own.onFocus?.(event);
      setWanted(true);
    },
    onBlur: (event) => {
      own.onBlur?.(event);
      setWanted(false);
    },
  } satisfies HoverProps);
  if (isWanted === null) return trigger;
  return (
    <Suspense fallback={trigger}>
      <popup.Component {...popupProps} defaultOpen={isWanted}>
        {children}
      </popup.Component>
    </Suspense>
  );
}
