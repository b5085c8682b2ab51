import { Check, Download, X } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { hrefWith } from "@/components/releases/release-filters";
import { ReleaseTypeLabel } from "@/components/releases/release-type-badge";
import {
  formatWorkingDays,
  GoLivesPerMonthChart,
  StageSlipChart,
} from "@/components/reports/report-charts";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDisplayDate } from "@/lib/domain/dates";
import { requireUser } from "@/lib/server/auth/session";
import { getDeliveryReport } from "@/lib/server/reports/get-delivery-report";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { reportPeriod, reportQuerySchema } from "@/lib/validation/reports";
import type { SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Delivery report" };

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

function Kpi({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-fg tabular">{value}</p>
      <p className="mt-0.5 text-xs text-muted">{detail}</p>
    </div>
  );
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireUser();
  const params = await searchParams;
  const raw = { from: first(params.from), to: first(params.to), type: first(params.type) };
  const parsed = reportQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const period = reportPeriod(query, today);
  const report = await getDeliveryReport({ ...period, type: query.type }, settings);
  const csvHref = hrefWith("/api/reports/releases.csv", { ...period, type: query.type });
  const { onTime, leadTime, delivered } = report;
  const late = delivered.filter((r) => !r.isOnTime);
  const worstLate = late.reduce<(typeof late)[number] | null>(
    (w, r) => (!w || r.slipWorkingDays > w.slipWorkingDays ? r : w),
    null,
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Delivery report"
        description={`${formatDisplayDate(period.from)} – ${formatDisplayDate(period.to)}${query.type ? ` · ${query.type === "PATCH" ? "patches" : "releases"} only` : ""}. Working days of each release's holiday region.`}
        actions={
          <Button asChild>
            <a href={csvHref} download>
              <Download aria-hidden />
              Export CSV
            </a>
          </Button>
        }
      />
      <form action="/reports" className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="report-from">From</Label>
          <Input
            id="report-from"
            name="from"
            type="date"
            defaultValue={period.from}
            className="w-44 tabular"
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="report-to">To</Label>
          <Input
            id="report-to"
            name="to"
            type="date"
            defaultValue={period.to}
            className="w-44 tabular"
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="report-type">Type</Label>
          <Select id="report-type" name="type" defaultValue={query.type ?? ""} className="w-52">
            <option value="">Releases and patches</option>
            <option value="RELEASE">Releases</option>
            <option value="PATCH">Patches</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <Link href="/reports" className="pb-2 text-sm font-medium text-accent hover:underline">
          Last 12 months
        </Link>
      </form>
      {!parsed.success && (
        <p
          role="status"
          className="rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning"
        >
          {parsed.error.issues[0]?.message ?? "The period was not understood."} Showing the last 12
          months instead.
        </p>
      )}

      <section
        aria-label="Key figures"
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4"
      >
        <Kpi
          label="On time"
          value={onTime.rate === null ? "—" : `${Math.round(onTime.rate * 100)}%`}
          detail={
            onTime.of
              ? `${onTime.count} of ${onTime.of} live on or before the baseline`
              : "Nothing went live in this period"
          }
        />
        <Kpi label="Went live" value={String(delivered.length)} detail={`${late.length} late`} />
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

      <div className="grid gap-4 xl:grid-cols-2">
        <section
          aria-labelledby="per-month"
          className="rounded-lg border border-border bg-surface p-4 shadow-xs"
        >
          <h2 id="per-month" className="mb-4 text-sm font-semibold text-fg">
            Go-lives per month
          </h2>
          <GoLivesPerMonthChart months={report.months} today={today} />
        </section>
        <section
          aria-labelledby="per-stage"
          className="rounded-lg border border-border bg-surface p-4 shadow-xs"
        >
          <h2 id="per-stage" className="text-sm font-semibold text-fg">
            Slip per stage
          </h2>
          <p className="mb-4 text-xs text-muted">
            Working days a stage took beyond its planned length, for stages signed off in the
            period: the bar is the average, the line the worst case.
          </p>
          <StageSlipChart slips={report.stageSlips} />
        </section>
      </div>

      <section aria-labelledby="delivered" className="space-y-3">
        <h2 id="delivered" className="text-base font-semibold text-fg">
          Releases that went live
        </h2>
        {delivered.length === 0 ? (
          <EmptyState
            title="Nothing went live in this period"
            description="Choose a longer period, or another type."
            action={
              <Link href="/reports" className="text-sm font-medium text-accent hover:underline">
                Show the last 12 months
              </Link>
            }
          />
        ) : (
          <Table>
            <caption className="sr-only">
              Releases that went live, with their baseline, slip and lead time
            </caption>
            <TableHeader>
              <TableRow>
                <TableHead>Release</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Baseline go-live</TableHead>
                <TableHead>Went live</TableHead>
                <TableHead className="text-right">Slip</TableHead>
                <TableHead className="text-right">Lead time</TableHead>
                <TableHead>On time</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {delivered.map((release) => (
                <TableRow key={release.id} data-testid="delivered-row">
                  <TableCell>
                    <Link
                      href={`/releases/${release.id}`}
                      className="font-medium text-fg hover:text-accent hover:underline"
                    >
                      {release.name}
                    </Link>
                    <span className="block font-mono text-xs text-muted">{release.version}</span>
                  </TableCell>
                  <TableCell>
                    <ReleaseTypeLabel type={release.type} />
                  </TableCell>
                  <TableCell className="tabular">
                    {formatDisplayDate(release.baselineGoLive)}
                  </TableCell>
                  <TableCell className="tabular">{formatDisplayDate(release.liveOn)}</TableCell>
                  <TableCell className="text-right tabular">
                    {formatWorkingDays(release.slipWorkingDays, 0)} wd
                  </TableCell>
                  <TableCell className="text-right tabular">
                    {release.leadTimeWorkingDays} wd
                  </TableCell>
                  <TableCell>
                    {release.isOnTime ? (
                      <span className="inline-flex items-center gap-1 text-sm text-success">
                        <Check aria-hidden className="size-4" /> On time
                      </span>
                    ) : (
                      <span className="inline-flex items-center gap-1 text-sm text-danger">
                        <X aria-hidden className="size-4" /> Late
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
