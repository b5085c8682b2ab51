"use client";

// Parts of the release page whose code loads only when the page shows them: a release that is not
// live loads no outcome dialog, one without GitOps no promotions, a reader no release manager's
// actions. Each is rendered on the server like the rest of the page.

import type { AskExceptionDialog } from "../gate/ask-exception-dialog";
import type { PromotionsPanel } from "../gitops/promotions-panel";
import type { ReleaseNotesPanel } from "../notes/release-notes-panel";
import { island } from "../ui/lazy-island";

import type { OutcomeDialog } from "./outcome-dialog";
import type { ReleaseActions } from "./release-actions";
import type { RolloutDialog } from "./rollout-dialog";
import type { RolloutSteps } from "./rollout-steps";

export const ReleaseNotesPanelIsland = island<React.ComponentProps<typeof ReleaseNotesPanel>>(() =>
  import("../notes/release-notes-panel").then((m) => m.ReleaseNotesPanel),
);
export const PromotionsPanelIsland = island<React.ComponentProps<typeof PromotionsPanel>>(() =>
  import("../gitops/promotions-panel").then((m) => m.PromotionsPanel),
);
export const OutcomeDialogIsland = island<React.ComponentProps<typeof OutcomeDialog>>(() =>
  import("./outcome-dialog").then((m) => m.OutcomeDialog),
);
export const RolloutDialogIsland = island<React.ComponentProps<typeof RolloutDialog>>(() =>
  import("./rollout-dialog").then((m) => m.RolloutDialog),
);
export const ReleaseActionsIsland = island<React.ComponentProps<typeof ReleaseActions>>(() =>
  import("./release-actions").then((m) => m.ReleaseActions),
);
export const RolloutStepsIsland = island<React.ComponentProps<typeof RolloutSteps>>(() =>
  import("./rollout-steps").then((m) => m.RolloutSteps),
);
export const AskExceptionDialogIsland = island<React.ComponentProps<typeof AskExceptionDialog>>(
  () => import("../gate/ask-exception-dialog").then((m) => m.AskExceptionDialog),
);
