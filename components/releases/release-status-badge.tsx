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

export function AtRiskBadge({
  slipWorkingDays,
  overdueStage = null,
}: {
  slipWorkingDays: number;
  overdueStage?: string | null;
}) {
  return (
    <Badge
      tone="warning"
      title={
        slipWorkingDays > 0
          ? `Forecast go-live is ${slipWorkingDays} working days after the baseline`
          : `${overdueStage} is past its planned end`
      }
    >
      <AlertTriangle aria-hidden />
      At risk · {slipWorkingDays > 0 ? `+${slipWorkingDays} wd` : `${overdueStage} overdue`}
    </Badge>
  );
}
