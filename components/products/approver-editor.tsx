"use client";

import { UsersRound } from "lucide-react";
import { useState } from "react";

import type { ActionState } from "@/lib/action-state";
import { STAGE_NAMES, type StageKey } from "@/lib/domain/stages";
import type { UserSummary } from "@/lib/types/user";

import { Button } from "../ui/button";
import { DialogActions } from "../ui/dialog-actions";
import { FormStatus } from "../ui/form-status";
import { Modal } from "../ui/modal";
import { useActionRunner } from "../ui/use-action-runner";

import { PeopleChecklist } from "./people-checklist";

export type SetApprovers = (command: {
  key: string;
  stage: StageKey;
  userIds: string[];
}) => Promise<ActionState>;

/** Names who signs one stage of a product (nobody ticked: anyone holding an allowed role). */
export function ApproverEditor({
  productKey,
  stage,
  current,
  candidates,
  setApprovers,
}: {
  productKey: string;
  stage: StageKey;
  current: string[];
  /** Active people holding a role the stage allows. */
  candidates: UserSummary[];
  setApprovers: SetApprovers;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(new Set(current));
  const { run, isPending, problem } = useActionRunner(() => setOpen(false));
  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setChosen(new Set(current));
      }}
      title={`Who signs ${STAGE_NAMES[stage]}?`}
      description="Only the people ticked may sign this stage of the product's releases (they still need an allowed role). Tick nobody to let anyone with an allowed role sign."
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Name approvers of ${stage}`}>
          <UsersRound aria-hidden />
          Name approvers
        </Button>
      }
    >
      <div className="space-y-4">
        <PeopleChecklist
          legend={`Approvers of ${stage}`}
          people={candidates}
          checked={chosen}
          onChange={(id, isChecked) =>
            setChosen((previous) => {
              const next = new Set(previous);
              if (isChecked) next.add(id);
              else next.delete(id);
              return next;
            })
          }
        />
        {problem && <FormStatus state={problem} />}
        <DialogActions
          onCancel={() => setOpen(false)}
          label="Save"
          isPending={isPending}
          onConfirm={() =>
            run(() => setApprovers({ key: productKey, stage, userIds: [...chosen] }))
          }
        />
      </div>
    </Modal>
  );
}
