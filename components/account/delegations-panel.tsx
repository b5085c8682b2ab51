import { UserRoundX } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { DelegationDto } from "@/lib/types/delegation";
import type { UserSummary } from "@/lib/types/user";

import { Badge } from "../ui/badge";
import { CommandButton } from "../ui/command-button";

import { DelegationForm } from "./delegation-form";
import { Panel } from "./panel";

function Range({ delegation }: { delegation: DelegationDto }) {
  return (
    <span className="tabular">
      {formatDisplayDate(delegation.from)} – {formatDisplayDate(delegation.to)}
    </span>
  );
}

/**
 * Going on leave: name a deputy for a date range, see who stands in for you and for whom you stand
 * in, end a delegation early. Rendered on the server; the form and the End buttons are client code.
 */
export function DelegationsPanel({
  today,
  given,
  received,
  deputies,
  create,
  end,
}: {
  today: IsoDate;
  given: DelegationDto[];
  received: DelegationDto[];
  /** Active colleagues who sign off stages. */
  deputies: UserSummary[];
  create: (previous: ActionState, form: FormData) => Promise<ActionState>;
  end: (command: { id: string }) => Promise<ActionState>;
}) {
  return (
    <Panel
      id="delegations"
      title="Absence and deputy"
      description="Going on leave? Name a deputy for those days: they may decide wherever you may, and every decision they take records both of you. Four eyes still applies to both."
    >
      <DelegationForm today={today} deputies={deputies} create={create} />

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-fg">Your deputies</h3>
          {given.length === 0 ? (
            <p className="text-sm text-muted">Nobody stands in for you.</p>
          ) : (
            <ul className="space-y-2" aria-label="Your deputies">
              {given.map((delegation) => (
                <li
                  key={delegation.id}
                  data-testid="delegation-given"
                  className="flex items-center justify-between gap-3 rounded-lg bg-surface-muted px-3 py-2 text-sm"
                >
                  <span className="min-w-0">
                    <span className="font-medium text-fg">{delegation.deputy.name}</span>{" "}
                    {delegation.isRunning && <Badge tone="info">Now</Badge>}
                    <span className="block text-xs text-muted">
                      <Range delegation={delegation} />
                    </span>
                  </span>
                  <CommandButton
                    action={end}
                    command={{ id: delegation.id }}
                    confirm={{
                      title: `End ${delegation.deputy.name}'s delegation?`,
                      description:
                        "From now on they no longer decide for you. What they decided stays.",
                      confirmLabel: "End delegation",
                    }}
                  >
                    <UserRoundX aria-hidden />
                    End
                  </CommandButton>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-fg">You stand in for</h3>
          {received.length === 0 ? (
            <p className="text-sm text-muted">Nobody has named you as their deputy.</p>
          ) : (
            <ul className="space-y-2" aria-label="You stand in for">
              {received.map((delegation) => (
                <li
                  key={delegation.id}
                  data-testid="delegation-received"
                  className="rounded-lg bg-surface-muted px-3 py-2 text-sm"
                >
                  <span className="font-medium text-fg">{delegation.delegator.name}</span>{" "}
                  {delegation.isRunning && <Badge tone="info">Now</Badge>}
                  <span className="block text-xs text-muted">
                    <Range delegation={delegation} />
                    {delegation.isRunning && " · their approvals show in My approvals"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Panel>
  );
}
