import { MAX_ALERTS_PER_CALL } from "@/lib/domain/signals";
import { AppError } from "@/lib/errors";
import { apiRoute, authenticate, parseJsonBody } from "@/lib/server/api/handler";
import { receiveSignals } from "@/lib/server/signals/intake";
import { signalOfAlert } from "@/lib/server/signals/signals";
import { alertmanagerPayloadSchema } from "@/lib/validation/signals";

/**
 * POST /api/signals/alertmanager — Alertmanager's webhook (payload version 4), with a token of
 * scope `deploy` or `write` (Alertmanager's `http_config.authorization`) → 200 `{received, matched}`.
 * More than 1,000 alerts → 413; unknown fields and labels are ignored.
 */
export const POST = apiRoute(async (request) => {
  await authenticate(request, "signals.report");
  const payload = await parseJsonBody(request, alertmanagerPayloadSchema);
  if (payload.alerts.length > MAX_ALERTS_PER_CALL) {
    throw new AppError(
      "TOO_LARGE",
      "PAYLOAD_TOO_LARGE",
      `At most ${MAX_ALERTS_PER_CALL} alerts per call; this one has ${payload.alerts.length}. Set max_alerts in Alertmanager's webhook_config.`,
    );
  }
  const now = new Date();
  return Response.json(
    await receiveSignals(payload.alerts.map((alert) => signalOfAlert(alert, now))),
  );
});
