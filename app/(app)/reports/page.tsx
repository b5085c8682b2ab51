import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { hrefWith } from "@/components/releases/release-filters";
import { DeliveredTable } from "@/components/reports/delivered-table";
import { GoLivesPerMonthChart, StageSlipChart } from "@/components/reports/report-charts";
import { FailureKpis, ReportKpis } from "@/components/reports/report-kpis";
import { ReportPeriodForm } from "@/components/reports/report-period-form";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDisplayDate } from "@/lib/domain/dates";
import { requireUser } from "@/lib/server/auth/session";
import { listProductOptions } from "@/lib/server/products/products";
import { getDeliveryReport } from "@/lib/server/reports/get-delivery-report";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { reportPeriod, reportQuerySchema } from "@/lib/validation/reports";
import { allParams, firstParam, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Delivery report" };

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireUser();
  const params = await searchParams;
  const parsed = reportQuerySchema.safeParse({
    from: firstParam(params.from),
    to: firstParam(params.to),
    type: firstParam(params.type),
    product: allParams(params.product),
  });
  const query = parsed.success ? parsed.data : {};
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const period = reportPeriod(query, today);
  const filter = { type: query.type, product: query.product };
  const [report, products] = await Promise.all([
    getDeliveryReport({ ...period, ...filter }, settings),
    listProductOptions(),
  ]);
  const scope = query.type ? ` · ${query.type === "PATCH" ? "patches" : "releases"} only` : "";

  return (
    <div className="space-y-6">
      <PageHeader
        title="Delivery report"
        description={`${formatDisplayDate(period.from)} – ${formatDisplayDate(period.to)}${scope}. Working days of each release's holiday region.`}
        actions={
          <a
            className={buttonVariants()}
            href={hrefWith("/api/reports/releases.csv", {
              ...period,
              type: query.type,
              product: query.product?.join(","),
            })}
            download
          >
            <Download aria-hidden />
            Export CSV
          </a>
        }
      />
      <ReportPeriodForm
        from={period.from}
        to={period.to}
        type={query.type}
        product={query.product?.join(",")}
        products={products}
      />
      {!parsed.success && (
        <Alert role="status" tone="warning">
          {parsed.error.issues[0]?.message ?? "The period was not understood."} Showing the last 12
          months instead.
        </Alert>
      )}

      <ReportKpis report={report} />
      <FailureKpis report={report} />

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
        {report.deliveredCount === 0 ? (
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
          <>
            <DeliveredTable delivered={report.delivered} />
            {report.deliveredCount > report.delivered.length && (
              <p data-testid="more-rows" className="text-sm text-muted">
                The latest {report.delivered.length} of{" "}
                {report.deliveredCount.toLocaleString("en-GB")} go-lives of the period; the CSV
                export above lists them all.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
