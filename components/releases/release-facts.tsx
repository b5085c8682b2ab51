import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import { describeWorkingDayDistance } from "@/lib/domain/relative";
import type { ReleaseDetail } from "@/lib/types/release";

import { StageChip } from "./stage-chip";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4 shadow-xs">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      {children}
    </div>
  );
}

function describeSlip(slip: number): string {
  if (slip > 0) return `${slip} working ${slip === 1 ? "day" : "days"} late`;
  if (slip < 0) return `${-slip} working ${slip === -1 ? "day" : "days"} early`;
  return "on plan";
}

/** The four facts a release manager looks at first: forecast, baseline, current stage, who and where. */
export function ReleaseFacts({
  release,
  workingDaysToGoLive,
}: {
  release: ReleaseDetail;
  workingDaysToGoLive: number;
}) {
  const isLive = release.status === "LIVE";
  const current = release.stages.find((stage) => stage.key === release.currentStage);
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Fact label={isLive ? "Went live" : "Forecast go-live"}>
        <dd className="mt-1 text-lg font-semibold text-fg tabular" data-testid="forecast-go-live">
          {formatDisplayDate(release.forecastGoLive)}
        </dd>
        <dd className="text-xs text-muted">
          {isLive ? "live" : describeWorkingDayDistance(workingDaysToGoLive)}
        </dd>
      </Fact>
      <Fact label="Baseline go-live">
        <dd className="mt-1 text-lg font-semibold text-fg tabular">
          {formatDisplayDate(release.baselineGoLive)}
        </dd>
        {release.originalGoLive !== release.baselineGoLive && (
          <dd className="text-xs text-muted" data-testid="original-go-live">
            first planned {formatDisplayDate(release.originalGoLive)}
          </dd>
        )}
        <dd
          className={
            release.slipWorkingDays > 0 ? "text-xs font-medium text-warning" : "text-xs text-muted"
          }
          data-testid="slip"
        >
          {describeSlip(release.slipWorkingDays)}
        </dd>
      </Fact>
      <Fact label="Current stage">
        <dd className="mt-1.5 flex items-center gap-2 text-sm font-medium text-fg">
          {current ? (
            <>
              <StageChip stageKey={current.key} status={current.status} size="md" />
              {current.name}
            </>
          ) : (
            <span className="text-lg font-semibold">{isLive ? "Live" : "—"}</span>
          )}
        </dd>
      </Fact>
      <Fact label="Product · region · created by">
        <dd className="mt-1 text-sm font-medium text-fg" data-testid="release-product">
          <Link
            href={`/products/${release.product.key}`}
            className="hover:text-accent hover:underline"
          >
            {release.product.name}
          </Link>
        </dd>
        <dd className="text-xs text-muted">
          {release.region} · {release.createdBy.name}
        </dd>
      </Fact>
    </dl>
  );
}
