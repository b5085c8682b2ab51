import type { StageKey } from "@/lib/domain/stages";

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
