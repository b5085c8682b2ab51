import { formatDisplayDate } from "@/lib/domain/dates";
import type { DeliveryReport } from "@/lib/domain/delivery-report";

import { formatWorkingDays } from "./report-charts";

function Kpi({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-fg tabular">{value}</p>
      <p className="mt-0.5 text-xs text-muted">{detail}</p>
    </div>
  );
}

/** The report's key figures: on-time rate, how many went live (and late), lead time, worst slip. */
export function ReportKpis({ report }: { report: DeliveryReport }) {
  const { onTime, leadTime, worstSlip: worstLate } = report;
  return (
    <section
      aria-label="Key figures"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-5"
    >
      <Kpi
        label="On time"
        value={onTime.rate === null ? "—" : `${Math.round(onTime.rate * 100)}%`}
        detail={
          onTime.of
            ? `${onTime.count} of ${onTime.of} live on or before the baseline (last deliberate plan)`
            : "Nothing went live in this period"
        }
      />
      <Kpi
        label="On time to the first plan"
        value={
          report.onTimeToOriginal.rate === null
            ? "—"
            : `${Math.round(report.onTimeToOriginal.rate * 100)}%`
        }
        detail={
          report.onTimeToOriginal.of
            ? `${report.onTimeToOriginal.count} of ${report.onTimeToOriginal.of} live on or before the go-live first planned`
            : "Re-plans do not move the first plan"
        }
      />
      <Kpi
        label="Went live"
        value={report.deliveredCount.toLocaleString("en-GB")}
        detail={`${(onTime.of - onTime.count).toLocaleString("en-GB")} late`}
      />
      <Kpi
        label="Lead time"
        value={leadTime.average === null ? "—" : `${leadTime.average.toFixed(1)} wd`}
        detail={
          leadTime.average === null
            ? "From the first DEV day to live"
            : `First DEV day to live; ${leadTime.shortest}–${leadTime.longest} working days`
        }
      />
      <Kpi
        label="Worst slip"
        value={worstLate ? `${formatWorkingDays(worstLate.slipWorkingDays, 0)} wd` : "—"}
        detail={
          worstLate
            ? `${worstLate.name}, live ${formatDisplayDate(worstLate.liveOn)}`
            : "No release went live late"
        }
      />
    </section>
  );
}

function formatDays(days: number | null): string {
  if (days === null) return "—";
  return `${Number.isInteger(days) ? days : days.toFixed(1)} ${days === 1 ? "day" : "days"}`;
}

/**
 * The DORA measures of life after go-live, with their definitions: change failure rate and time to
 * restore service, from the outcomes recorded after each go-live.
 */
export function FailureKpis({ report }: { report: DeliveryReport }) {
  const { failures } = report;
  const pending = failures.deployments - failures.withOutcome;
  return (
    <section aria-labelledby="dora-heading" className="space-y-3">
      <div>
        <h2 id="dora-heading" className="text-sm font-semibold text-fg">
          After go-live (DORA)
        </h2>
        <p className="text-xs text-muted">
          <strong className="font-medium">Change failure rate</strong>: the share of go-lives that
          needed remediation in production — rolled back, or fixed forward by a patch — among those
          whose outcome is recorded. <strong className="font-medium">Time to restore</strong>:
          calendar days from the go-live to the day service was restored (the roll-back, or the
          fixing patch live).
        </p>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Kpi
          label="Change failure rate"
          value={
            failures.changeFailureRate === null
              ? "—"
              : `${Math.round(failures.changeFailureRate * 100)}%`
          }
          detail={
            failures.withOutcome
              ? `${failures.failures} of ${failures.withOutcome} go-lives with an outcome${pending ? ` · ${pending} not recorded yet` : ""}`
              : "No outcome recorded for this period's go-lives"
          }
        />
        <Kpi
          label="Mean time to restore"
          value={formatDays(failures.meanTimeToRestoreDays)}
          detail={
            failures.restoreDays.length
              ? `Median ${formatDays(failures.medianTimeToRestoreDays)} over ${failures.restoreDays.length} restored ${failures.restoreDays.length === 1 ? "failure" : "failures"}`
              : "No failure restored in this period"
          }
        />
        <Kpi
          label="Not restored yet"
          value={String(failures.notRestored)}
          detail={
            failures.notRestored
              ? "Rolled forward, and the fixing patch is not live yet"
              : "Every failure is restored"
          }
        />
        <Kpi
          label="Go-lives with critical signals"
          value={`${report.signals.withCritical} of ${failures.deployments}`}
          detail={signalOutcomeText(report.signals)}
        />
      </div>
    </section>
  );
}

/** "1 kept · 2 rolled back · 1 rolled forward · 1 not recorded": how those with critical alerts ended. */
function signalOutcomeText(signals: DeliveryReport["signals"]): string {
  if (signals.withCritical === 0) return "No critical alert fired during an observation";
  return [
    signals.kept && `${signals.kept} kept`,
    signals.rolledBack && `${signals.rolledBack} rolled back`,
    signals.rolledForward && `${signals.rolledForward} rolled forward`,
    signals.none && `${signals.none} not recorded yet`,
  ]
    .filter(Boolean)
    .join(" · ");
}
