import type { StageKey, StageStatus } from "@/lib/domain/stages";

/** The stage colour as a CSS variable (UI.md: one colour per stage everywhere). */
export const STAGE_COLOR: Record<StageKey, string> = {
  DEV: "var(--stage-dev)",
  TEST: "var(--stage-test)",
  LAST: "var(--stage-last)",
  INT: "var(--stage-int)",
  PREPROD: "var(--stage-preprod)",
  PROD: "var(--stage-prod)",
};

/** Text on a filled stage colour: dark on the light colours, white on TEST's dark blue (WCAG AA). */
export const STAGE_ON_COLOR: Record<StageKey, string> = {
  DEV: "#0b1220",
  TEST: "#ffffff",
  LAST: "#0b1220",
  INT: "#0b1220",
  PREPROD: "#0b1220",
  PROD: "#0b1220",
};

/**
 * A stage bar on the timeline, calendar and environments view (UI.md): signed off = filled, active
 * = filled with a strong outline, pending = tinted with a dashed edge, rejected = red outline; a
 * cancelled release's bars are grey. The
 * element sets `--seg` and `--seg-on` to the stage's colours (see `stageBarStyle`).
 */
export function stageBarClassName(status: StageStatus, isCancelled = false): string {
  // A cancelled release holds no environment any more: grey and struck through, still readable.
  if (isCancelled)
    return "border border-dashed border-border-strong bg-surface-muted text-muted line-through";
  switch (status) {
    case "SIGNED_OFF":
      return "bg-(--seg) text-(--seg-on)";
    case "ACTIVE":
      return "bg-(--seg) text-(--seg-on) ring-2 ring-fg ring-inset";
    case "PENDING":
      return "border border-dashed border-(--seg) bg-[color-mix(in_srgb,var(--seg)_16%,white)] text-fg";
    case "REJECTED":
      return "border-2 border-danger bg-danger-soft text-danger";
  }
}

export function stageBarStyle(key: StageKey): Record<"--seg" | "--seg-on", string> {
  return { "--seg": STAGE_COLOR[key], "--seg-on": STAGE_ON_COLOR[key] };
}
