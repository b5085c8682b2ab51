import type { DeliveryDto } from "@/lib/types/notifications";

import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

const STATUS = {
  DELIVERED: { tone: "success", text: "Delivered" },
  PENDING: { tone: "info", text: "Retrying" },
  FAILED: { tone: "danger", text: "Failed" },
  HELD: { tone: "warning", text: "Held: no mail server" },
} as const;

/** Deliveries, newest first: what, to whom, how it went, how often it was tried. */
export function DeliveryTable({ deliveries, label }: { deliveries: DeliveryDto[]; label: string }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <tr>
          <TableHead>Event</TableHead>
          <TableHead>To</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Attempts</TableHead>
          <TableHead>Created</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {deliveries.map((delivery) => (
          <TableRow key={delivery.id} data-testid="delivery-row">
            <TableCell>
              <p className="font-mono text-xs text-fg">{delivery.event}</p>
              {delivery.subject && <p className="text-xs text-muted">{delivery.subject}</p>}
            </TableCell>
            <TableCell className="max-w-64 truncate text-sm" title={delivery.to}>
              {delivery.to}
            </TableCell>
            <TableCell>
              <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].text}</Badge>
              {delivery.lastError && delivery.status !== "DELIVERED" && (
                <p className="mt-1 text-xs text-muted">{delivery.lastError}</p>
              )}
              {delivery.nextAttemptAt && (
                <p className="text-xs text-subtle">
                  next <LocalTime iso={delivery.nextAttemptAt} />
                </p>
              )}
            </TableCell>
            <TableCell className="text-sm tabular">
              {delivery.attempts}
              {delivery.lastStatusCode !== null && (
                <span className="text-muted"> · {delivery.lastStatusCode}</span>
              )}
            </TableCell>
            <TableCell className="text-sm whitespace-nowrap">
              <LocalTime iso={delivery.createdAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
