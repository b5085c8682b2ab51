"use client";

import { Send } from "lucide-react";
import { useState } from "react";

import type { ActionState } from "@/lib/action-state";
import type { StageKey } from "@/lib/domain/stages";

import { ActionGroup } from "../ui/action-group";
import { Button } from "../ui/button";
import { Select } from "../ui/input";
import { useActionRunner } from "../ui/use-action-runner";

/** A release manager promotes the release by hand to one of the environments GitOps configures. */
export function PromoteForm({
  releaseId,
  environments,
  promote,
}: {
  releaseId: string;
  environments: StageKey[];
  promote: (raw: { releaseId: string; environment: StageKey }) => Promise<ActionState>;
}) {
  const [environment, setEnvironment] = useState<StageKey>(environments[0]!);
  const { run, isPending, problem } = useActionRunner();
  return (
    <ActionGroup problem={problem}>
      <Select
        aria-label="Environment to promote to"
        value={environment}
        onChange={(event) => setEnvironment(event.target.value as StageKey)}
        fieldSize="sm"
        className="w-28"
      >
        {environments.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </Select>
      <Button
        variant="secondary"
        size="sm"
        disabled={isPending}
        onClick={() => run(() => promote({ releaseId, environment }))}
      >
        <Send aria-hidden />
        Promote
      </Button>
    </ActionGroup>
  );
}
