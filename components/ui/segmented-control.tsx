"use client";

import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export type SegmentedOption<Value extends string> = {
  value: Value;
  label: string;
  icon?: LucideIcon;
  disabled?: boolean;
};

/**
 * One choice out of a few, as connected buttons (a radio group: one tab stop, the checked option is
 * announced). For switching a mode, such as planning from a go-live or from a start.
 */
export function SegmentedControl<Value extends string>({
  label,
  value,
  options,
  onChange,
  fullWidth = false,
}: {
  /** The group's accessible name. */
  label: string;
  value: Value;
  options: readonly SegmentedOption<Value>[];
  onChange: (value: Value) => void;
  /** Stretch across its container, the options sharing the width. */
  fullWidth?: boolean;
}) {
  function move(event: React.KeyboardEvent, step: number) {
    const enabled = options.filter((option) => !option.disabled);
    const index = enabled.findIndex((option) => option.value === value);
    const next = enabled[(index + step + enabled.length) % enabled.length];
    if (!next) return;
    event.preventDefault();
    onChange(next.value);
    const group = event.currentTarget.parentElement;
    requestAnimationFrame(() =>
      group?.querySelector<HTMLButtonElement>(`[data-value="${next.value}"]`)?.focus(),
    );
  }
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={cn(
        "gap-0.5 rounded-md border border-border-strong bg-surface-muted p-0.5",
        fullWidth ? "flex w-full" : "inline-flex",
      )}
    >
      {options.map((option) => {
        const isChecked = option.value === value;
        const Icon = option.icon;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            data-value={option.value}
            aria-checked={isChecked}
            tabIndex={isChecked ? 0 : -1}
            disabled={option.disabled}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowDown") move(event, 1);
              if (event.key === "ArrowLeft" || event.key === "ArrowUp") move(event, -1);
            }}
            className={cn(
              "inline-flex flex-1 items-center justify-center gap-1.5 rounded px-3 py-1 text-sm font-medium whitespace-nowrap",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50",
              isChecked
                ? "bg-surface text-fg shadow-xs ring-1 ring-border"
                : "text-muted hover:text-fg",
              "[&_svg]:size-4",
            )}
          >
            {Icon && <Icon aria-hidden />}
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
