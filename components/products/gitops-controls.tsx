"use client";

import { AlertCircle, PlugZap, Settings2 } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { GitopsTargetDto } from "@/lib/types/gitops";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { ConfirmRemoveButton } from "../ui/confirm-remove-button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";
import { useActionRunner } from "../ui/use-action-runner";

import type { GitopsFormProps } from "./gitops-form";

type Command = (command: { key: string }) => Promise<ActionState>;

const formBody = lazyIsland(() => import("./gitops-form").then((module) => module.GitopsForm));

function TestButton({ productKey, test }: { productKey: string; test: Command }) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={isPending}
        onClick={() => run(() => test({ key: productKey }))}
      >
        <PlugZap aria-hidden />
        Test connection
      </Button>
      {problem && (
        <AlertBox
          tone="danger"
          icon={AlertCircle}
          className="basis-full"
          data-testid="gitops-test-problem"
        >
          {problem.message}
        </AlertBox>
      )}
    </>
  );
}

/** Test, set up or change, and remove a product's GitOps target (its owners and administrators). */
export function GitopsControls({
  productKey,
  productName,
  target,
  actions,
}: {
  productKey: string;
  productName: string;
  target: GitopsTargetDto | null;
  actions: { save: GitopsFormProps["save"]; test: Command; remove: Command };
}) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {target && <TestButton productKey={productKey} test={actions.test} />}
      <LazyBodyModal
        title={`GitOps target of ${productName}`}
        description="Where the environments of this product are configured. After each sign-off the calendar commits the release's tag (and digest) into the next environment's file; Argo CD deploys it."
        wide
        trigger={
          <Button variant="secondary" size="sm">
            <Settings2 aria-hidden />
            {target ? "Edit" : "Set up GitOps"}
          </Button>
        }
        body={formBody}
        bodyProps={{ productKey, target, save: actions.save }}
      />
      {target && (
        <ConfirmRemoveButton
          title="Remove the GitOps target?"
          description="Sign-offs stop writing to Git. The repository and its history stay as they are."
          confirmLabel="Remove target"
          remove={() => actions.remove({ key: productKey })}
        />
      )}
    </div>
  );
}
