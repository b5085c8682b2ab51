import { DoorClosed, DoorOpen } from "lucide-react";

import type { ActionState } from "@/lib/action-state";
import type { IsoDate } from "@/lib/domain/dates";
import { STAGE_NAMES } from "@/lib/domain/stages";
import { formatInstant } from "@/lib/domain/wall-clock";
import type { ExceptionDto, GateAnswer, GateCheckDto } from "@/lib/types/windows";

import { Badge } from "../ui/badge";

import { AskExceptionDialog } from "./ask-exception-dialog";
import { type Decide, DecideButtons } from "./decide-buttons";

const STATE_TONE = {
  REQUESTED: "warning",
  APPROVED: "success",
  REFUSED: "danger",
  EXPIRED: "neutral",
} as const;

const STATE_LABEL = {
  REQUESTED: "Waiting for a decision",
  APPROVED: "Approved",
  REFUSED: "Refused",
  EXPIRED: "Ended",
} as const;

/** The gate to the release's next environment, as a pipeline asking now would hear it. */
function GateStatus({ gate, timeZone }: { gate: GateAnswer; timeZone: string }) {
  const Icon = gate.open ? DoorOpen : DoorClosed;
  return (
    <div
      data-testid="gate-status"
      data-open={gate.open}
      className="flex items-start gap-3 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
    >
      <Icon
        aria-hidden
        className={gate.open ? "mt-0.5 size-5 text-success" : "mt-0.5 size-5 text-danger"}
      />
      <div className="min-w-0 space-y-1 text-sm">
        <p className="font-medium text-fg">
          {gate.open ? "Open" : "Closed"} for {gate.environment} ({STAGE_NAMES[gate.environment]})
          {gate.open && gate.until && (
            <span className="font-normal text-muted">
              {" "}
              until {formatInstant(gate.until, timeZone)}
            </span>
          )}
          {!gate.open && gate.nextOpen && (
            <span className="font-normal text-muted">
              {" "}
              · opens {formatInstant(gate.nextOpen, timeZone)}
            </span>
          )}
        </p>
        {gate.reasons.length > 0 && (
          <ul className="list-disc space-y-0.5 pl-5 text-muted">
            {gate.reasons.map((reason) => (
              <li key={`${reason.code}-${reason.message}`}>
                <span className="font-mono text-xs text-fg">{reason.code}</span> {reason.message}
              </li>
            ))}
          </ul>
        )}
        {gate.exception && (
          <p className="text-success">
            Exception running until {formatInstant(gate.exception.to, timeZone)}:{" "}
            {gate.exception.reason}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * The release's deployment gate: whether a pipeline may deploy to its next environment now, the
 * exceptions asked for it (with Approve and Refuse for whoever may decide), and the deployments
 * the gate refused.
 */
export function GatePanel({
  releaseId,
  releaseName,
  gate,
  exceptions,
  refused,
  timeZone,
  today,
  nextStart,
  viewerId,
  mayDecide,
  ask,
  decide,
}: {
  releaseId: string;
  releaseName: string;
  gate: GateAnswer;
  exceptions: ExceptionDto[];
  refused: GateCheckDto[];
  timeZone: string;
  today: IsoDate;
  /** The next full hour, company time (the dialog's default start). */
  nextStart: { day: IsoDate; time: string };
  viewerId: string;
  mayDecide: boolean;
  /** Present when the viewer may ask for an exception. */
  ask?: (previous: ActionState, form: FormData) => Promise<ActionState>;
  decide: Decide;
}) {
  return (
    <section aria-labelledby="gate-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="gate-heading" className="text-base font-semibold text-fg">
            Deployment gate
          </h2>
          <p className="text-sm text-muted">
            What pipelines and Argo CD hear when they ask before deploying (
            <span className="font-mono text-xs">GET /api/gate</span>), times in {timeZone}.
          </p>
        </div>
        {ask && (
          <AskExceptionDialog
            releaseId={releaseId}
            releaseName={releaseName}
            environment={gate.environment}
            today={today}
            nextStart={nextStart}
            save={ask}
          />
        )}
      </div>
      <GateStatus gate={gate} timeZone={timeZone} />
      {exceptions.length > 0 && (
        <div className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
          <table className="w-full text-sm" aria-label="Exceptions">
            <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-semibold tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5">
                  Exception
                </th>
                <th scope="col" className="px-4 py-2.5">
                  When
                </th>
                <th scope="col" className="px-4 py-2.5">
                  State
                </th>
                <th scope="col" className="px-4 py-2.5 text-right">
                  <span className="sr-only">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {exceptions.map((exception) => (
                <tr key={exception.id} data-testid="exception-row" className="align-top">
                  <td className="px-4 py-3">
                    <p className="font-medium text-fg">
                      {exception.environment}{" "}
                      <span className="font-normal text-muted">
                        asked by {exception.requestedBy.name}
                      </span>
                    </p>
                    <p className="text-muted">{exception.reason}</p>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-fg tabular">
                    {formatInstant(exception.from, timeZone)}
                    <span className="block text-muted">
                      to {formatInstant(exception.to, timeZone)}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={STATE_TONE[exception.state]}>{STATE_LABEL[exception.state]}</Badge>
                    {exception.decidedBy && (
                      <p className="mt-1 text-xs text-muted">
                        by {exception.decidedBy.name}
                        {exception.comment && `: “${exception.comment}”`}
                      </p>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {exception.state === "REQUESTED" &&
                      mayDecide &&
                      exception.requestedBy.id !== viewerId && (
                        <DecideButtons
                          exception={exception}
                          releaseId={releaseId}
                          decide={decide}
                        />
                      )}
                    {exception.state === "REQUESTED" && exception.requestedBy.id === viewerId && (
                      <span className="text-xs text-muted">Another person decides</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refused.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-fg">
            Refused deployments <span className="font-normal text-muted">({refused.length})</span>
          </h3>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm shadow-xs">
            {refused.map((check) => (
              <li key={check.id} data-testid="refused-attempt" className="px-4 py-2.5">
                <p className="text-fg">
                  <span className="font-medium">{check.environment}</span>{" "}
                  <span className="text-muted">
                    {formatInstant(check.at, timeZone)} · asked by {check.actor?.name ?? "someone"}
                    {check.version && (
                      <>
                        {" "}
                        · <span className="font-mono text-xs">{check.version}</span>
                      </>
                    )}
                  </span>
                </p>
                <p className="text-muted">
                  {check.reasons.map((reason) => reason.message).join(" ")}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
