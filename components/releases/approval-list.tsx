import { ROLE_NAMES } from "@/lib/domain/stages";
import type { ApprovalDto } from "@/lib/types/release";

import { LocalTime } from "../ui/local-time";

/** The decisions of a stage's current round: approved or rejected, by whom, when, with the comment. */
export function ApprovalList({ approvals, label }: { approvals: ApprovalDto[]; label: string }) {
  if (approvals.length === 0) return null;
  return (
    <ul className="space-y-1.5" aria-label={label}>
      {approvals.map((approval) => (
        <li key={approval.id} className="flex flex-wrap items-baseline gap-x-2">
          <span
            className={
              approval.decision === "REJECT"
                ? "font-medium text-danger"
                : "font-medium text-success"
            }
          >
            {approval.decision === "REJECT" ? "Rejected" : "Approved"}
          </span>{" "}
          <span className="text-fg">by {approval.user.name}</span>{" "}
          <span className="text-xs text-muted">({ROLE_NAMES[approval.user.role]})</span>{" "}
          {approval.onBehalfOf && (
            <span className="text-fg" data-testid="approval-deputy">
              as deputy for <span className="font-medium">{approval.onBehalfOf.name}</span>
            </span>
          )}{" "}
          <LocalTime iso={approval.at} className="text-xs text-muted" />
          {approval.comment && <q className="basis-full text-muted">{approval.comment}</q>}
        </li>
      ))}
    </ul>
  );
}
