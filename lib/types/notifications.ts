// Webhooks, deliveries and email preferences as the API answers them (types only).
import type { EmailPreferences } from "@/lib/domain/notifications";

export type NotificationPreferencesDto = {
  email: EmailPreferences;
  /** Watched go-lives that move by more working days than this are announced. */
  watch: { slipThresholdWorkingDays: number };
};

export type WebhookDto = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  isActive: boolean;
  createdAt: string;
  createdBy: { id: string; name: string };
  /** Deliveries of the last 7 days by outcome. */
  recent: { delivered: number; pending: number; failed: number };
};

export type DeliveryDto = {
  id: string;
  event: string;
  channel: "EMAIL" | "WEBHOOK";
  status: "PENDING" | "DELIVERED" | "FAILED" | "HELD";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  /** Email: the addressee and the subject; webhook: its url. */
  to: string;
  subject: string | null;
  releaseId: string | null;
};
