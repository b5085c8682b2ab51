import {
  AlertTriangle,
  CircleCheck,
  CirclePause,
  CircleSlash,
  Clock,
  PlayCircle,
} from "lucide-react";

import { RELEASE_STATUS_NAMES, type ReleaseStatus } from "@/lib/domain/stages";

import { Badge } from "../ui/badge";

const TONE = {
  PLANNED: "outline",
  IN_PROGRESS: "info",
  ON_HOLD: "warning",
  CANCELLED: "neutral",
  LIVE: "success",
} as const;

const ICON = {
  PLANNED: Clock,
  IN_PROGRESS: PlayCircle,
  ON_HOLD: CirclePause,
  CANCELLED: CircleSlash,
  LIVE: CircleCheck,
} as const;

export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  const Icon = ICON[status];
  return (
    <Badge tone={TONE[status]}>
      <Icon aria-hidden />
      {RELEASE_STATUS_NAMES[status]}
    </Badge>
  );
}

export function AtRiskBadge({ slipWorkingDays }: { slipWorkingDays: number }) {
  return (
    <Badge
      tone="warning"
      title={`Forecast go-live is ${slipWorkingDays} working days after the baseline`}
    >
      <AlertTriangle aria-hidden />
      At risk · +{slipWorkingDays} wd
    </Badge>
  );
}
