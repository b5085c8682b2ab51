"use client";

// Parts of the product page whose code loads only when the page shows them: what its owners edit
// (the product, its approvers, its release train, its GitOps target) and the train's planning.
// Each is rendered on the server like the rest of the page.

import { island } from "../ui/lazy-island";

import type { ApproverEditor } from "./approver-editor";
import type { GitopsSection } from "./gitops-section";
import type { ProductDialog } from "./product-dialog";
import type { TrainDialog } from "./train-dialog";
import type { TrainPlanDialog } from "./train-plan-dialog";
import type { TrainRemoveButton } from "./train-remove-button";

export const ProductDialogIsland = island<React.ComponentProps<typeof ProductDialog>>(() =>
  import("./product-dialog").then((m) => m.ProductDialog),
);
export const GitopsSectionIsland = island<React.ComponentProps<typeof GitopsSection>>(() =>
  import("./gitops-section").then((m) => m.GitopsSection),
);
export const ApproverEditorIsland = island<React.ComponentProps<typeof ApproverEditor>>(() =>
  import("./approver-editor").then((m) => m.ApproverEditor),
);
export const TrainDialogIsland = island<React.ComponentProps<typeof TrainDialog>>(() =>
  import("./train-dialog").then((m) => m.TrainDialog),
);
export const TrainPlanDialogIsland = island<React.ComponentProps<typeof TrainPlanDialog>>(() =>
  import("./train-plan-dialog").then((m) => m.TrainPlanDialog),
);
export const TrainRemoveButtonIsland = island<React.ComponentProps<typeof TrainRemoveButton>>(() =>
  import("./train-remove-button").then((m) => m.TrainRemoveButton),
);
