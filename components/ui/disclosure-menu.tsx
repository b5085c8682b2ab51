"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows a small panel of links and actions (the disclosure pattern of WAI-ARIA):
 * Escape or a click elsewhere closes it and focus returns to the button; arrow keys move between
 * the items. Light enough for the header of every page (no positioning or portal library).
 */
export function DisclosureMenu({
  label,
  trigger,
  children,
  className,
  align = "right",
}: {
  /** The button's accessible name. */
  label: string;
  trigger: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  /** Which edge of the button the panel lines up with. */
  align?: "left" | "right";
}) {
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, [isOpen]);

  function items(): HTMLElement[] {
    return [...(rootRef.current?.querySelectorAll<HTMLElement>("[data-menu-item]") ?? [])];
  }

  function handleKeyDown(event: React.KeyboardEvent) {
    if (!isOpen) return;
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? index + 1 : index - 1;
    all[(next + all.length) % all.length]?.focus();
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={handleKeyDown}
      onBlur={(event) => {
        if (isOpen && !rootRef.current?.contains(event.relatedTarget as Node | null))
          setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
        className={className}
      >
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        // Choosing an item closes the panel.
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("[data-menu-item]")) setOpen(false);
        }}
        className={`absolute ${align === "left" ? "left-0" : "right-0"} z-50 mt-1.5 min-w-56 rounded-lg border border-border bg-surface p-1 text-sm shadow-lg`}
      >
        {children}
      </div>
    </div>
  );
}
