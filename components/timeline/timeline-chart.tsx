import {
  AlertTriangle,
  CornerDownRight,
  GitCommitHorizontal,
  PackageX,
  TrainFront,
  X,
} from "lucide-react";
import Link from "next/link";

import { OUTCOME_NAMES } from "@/lib/domain/after-go-live";
import { addDays, formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import { PROMOTION_STATE_WORDS } from "@/lib/domain/promotion";
import { statusAllows } from "@/lib/domain/release-commands";
import { isCancelled } from "@/lib/domain/release-status";
import { isMovable } from "@/lib/domain/replan";
import { RELEASE_STATUS_NAMES } from "@/lib/domain/stages";
import { type Handover, handovers, placeInRange, type TimelineRange } from "@/lib/domain/timeline";
import type { TimelineRow, TimelineStage, TimelineView } from "@/lib/types/views";
import { cn } from "@/lib/utils";

import { BarInteractions } from "../views/bar-interactions";
import { ChartFrame } from "../views/chart-frame";
import { MoreRows } from "../views/more-rows";
import { ProductGroupSection } from "../views/product-group";
import { StageBar } from "../views/stage-bar";

import { DayShading, percent, TimeAxisHeader } from "./time-axis";

function Segment({
  row,
  stage,
  range,
  rowIndex,
  column,
  canReplan,
  handover,
}: {
  row: TimelineRow;
  stage: TimelineStage;
  range: TimelineRange;
  rowIndex: number;
  column: number;
  canReplan: boolean;
  handover: Handover;
}) {
  const place = placeInRange(range, stage.start, stage.end);
  if (!place) return null;
  // A handover day shared with the stage before or after: half of it each.
  const halfDay = 0.5 / range.days;
  const trimStart = handover.startsMidDay && !place.clippedStart ? halfDay : 0;
  const trimEnd = handover.endsMidDay && !place.clippedEnd ? halfDay : 0;
  // Release managers drag a stage's end, or the go-live (PROD), of a stage still ahead.
  const isDraggable = canReplan && statusAllows(row.status, "REPLAN") && isMovable(stage);
  return (
    <StageBar
      data={{
        releaseId: row.id,
        stage: stage.key,
        row: rowIndex,
        col: column,
        dragFrom: isDraggable
          ? stage.key === "PROD"
            ? stage.plannedStart
            : stage.plannedEnd
          : undefined,
      }}
      releaseName={row.name}
      stage={stage}
      style={{
        left: percent(place.left + trimStart),
        width: percent(place.width - trimStart - trimEnd),
      }}
      clipped={{ start: place.clippedStart, end: place.clippedEnd }}
      isCancelled={isCancelled(row.status)}
      className="absolute top-1.5 bottom-1.5 gap-0.5 px-1 text-[10px] font-semibold"
    >
      {range.zoom !== "year" && <span aria-hidden>{stage.key}</span>}
    </StageBar>
  );
}

const OBSERVATION_STYLE = {
  none: "border-border-strong bg-[repeating-linear-gradient(135deg,var(--color-surface-muted)_0_4px,transparent_4px_8px)]",
  KEPT: "border-success/40 bg-success-soft",
  ROLLED_BACK: "border-danger/50 bg-danger-soft",
  ROLLED_FORWARD: "border-warning/50 bg-warning-soft",
} as const;

/** The observation window after a go-live, tinted by the outcome once recorded. */
function ObservationBand({ row, range }: { row: TimelineRow; range: TimelineRange }) {
  const after = row.afterGoLive;
  if (!after || after.observationEnd <= after.liveOn) return null;
  const place = placeInRange(range, addDays(after.liveOn, 1), after.observationEnd);
  if (!place) return null;
  const outcome = after.outcome ? OUTCOME_NAMES[after.outcome] : "outcome not recorded yet";
  return (
    <span
      data-testid="observation-band"
      data-outcome={after.outcome ?? "none"}
      title={`Observed after go-live until ${formatDisplayDate(after.observationEnd)}: ${outcome}`}
      style={{ left: percent(place.left), width: percent(place.width) }}
      className={cn(
        "pointer-events-none absolute top-3 bottom-3 rounded-r-sm border",
        OBSERVATION_STYLE[after.outcome ?? "none"],
      )}
    >
      <span className="sr-only">
        Observation until {formatDisplayDate(after.observationEnd)}: {outcome}
      </span>
      <SignalMark signals={after.signals} />
    </span>
  );
}

/** On the observation band: what the monitoring saw (critical red, warnings amber, none nothing). */
function SignalMark({
  signals,
}: {
  signals: { critical: number; warning: number; firing: number };
}) {
  if (signals.critical + signals.warning === 0) return null;
  const critical = signals.critical > 0;
  const text = critical
    ? `${signals.critical} critical ${signals.critical === 1 ? "alert" : "alerts"}`
    : `${signals.warning} ${signals.warning === 1 ? "warning" : "warnings"}`;
  return (
    <span
      data-testid="signal-mark"
      data-severity={critical ? "critical" : "warning"}
      title={`${text} during observation${signals.firing > 0 ? `, ${signals.firing} still firing` : ""}`}
      className={cn(
        "absolute top-1/2 left-1 inline-flex h-3.5 min-w-3.5 -translate-y-1/2 items-center justify-center rounded-full px-1 text-[0.625rem] leading-none font-semibold text-white",
        critical ? "bg-danger" : "bg-warning",
        signals.firing > 0 && "ring-2 ring-danger/30",
      )}
    >
      {critical ? signals.critical : signals.warning}
      <span className="sr-only"> {text} during observation</span>
    </span>
  );
}

/** One notch per rollout step after the go-live: filled once done. */
function RolloutMarks({ row, range }: { row: TimelineRow; range: TimelineRange }) {
  return row.rolloutSteps.map((step) => {
    const place = placeInRange(range, step.date, step.date);
    if (!place) return null;
    const what = step.percent ? `${step.percent} %` : (step.label ?? "");
    return (
      <span
        key={step.position}
        data-testid="rollout-mark"
        title={`Rollout step ${step.position}: ${what} on ${formatDisplayDate(step.date)}${step.done ? " (done)" : ""}`}
        style={{ left: `calc(${percent(place.left + place.width / 2)} - 4px)` }}
        className={cn(
          "pointer-events-none absolute bottom-0.5 size-2 rounded-full border-2 border-[var(--stage-prod)]",
          step.done ? "bg-[var(--stage-prod)]" : "bg-surface",
        )}
      >
        <span className="sr-only">
          Rollout step {step.position}, {what}, {formatDisplayDate(step.date)}
          {step.done ? ", done" : ""}
        </span>
      </span>
    );
  });
}

function zip<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.map((a, i) => [a, bs[i]!]);
}

function Marker({
  date,
  range,
  kind,
  title,
}: {
  date: IsoDate;
  range: TimelineRange;
  kind: "go-live" | "baseline" | "original";
  title: string;
}) {
  const place = placeInRange(range, date, date);
  if (!place) return null;
  return (
    <span
      aria-hidden
      title={title}
      style={{ left: `calc(${percent(place.left + place.width / 2)} - 5px)` }}
      className={cn(
        "pointer-events-none absolute top-1/2 size-2.5 -translate-y-1/2 rotate-45",
        kind === "go-live" && "bg-fg ring-2 ring-surface",
        kind === "baseline" && "border-2 border-dashed border-fg/60 bg-transparent",
        kind === "original" &&
          "rotate-0 rounded-full border-2 border-dotted border-fg/50 bg-transparent",
      )}
    />
  );
}

/** A product's coming train dates in the window (its release train's cadence). */
export type TrainDates = { product: { key: string; name: string }; dates: IsoDate[] };

/** One thin row of a product's train dates: a tick on each, named on hover and for screen readers. */
function TrainRow({ train, range }: { train: TrainDates; range: TimelineRange }) {
  const marks = train.dates.flatMap((date) => {
    const place = placeInRange(range, date, date);
    return place ? [{ date, place }] : [];
  });
  if (marks.length === 0) return null;
  return (
    <li
      data-testid="train-row"
      className="grid h-7 grid-cols-[var(--label)_1fr] border-b border-border/70 bg-accent-soft/30"
    >
      <div className="sticky left-0 z-10 flex min-w-0 items-center gap-1.5 border-r border-border bg-[color-mix(in_oklab,var(--color-accent-soft)_30%,var(--color-surface))] px-3 text-[11px] text-muted">
        <TrainFront aria-hidden className="size-3.5 shrink-0" />
        <span className="truncate">
          <span className="font-medium text-fg">{train.product.name}</span> train dates
        </span>
      </div>
      <div className="relative">
        <span className="sr-only">
          {marks.map((mark) => formatDisplayDate(mark.date)).join(", ")}
        </span>
        {marks.map(({ date, place }) => (
          <span
            key={date}
            aria-hidden
            data-testid="train-mark"
            data-date={date}
            title={`${train.product.name} train date: ${formatDisplayDate(date)}`}
            style={{ left: `calc(${percent(place.left + place.width / 2)} - 4px)` }}
            className="absolute top-1/2 h-3.5 w-2 -translate-y-1/2 rounded-sm border border-accent bg-accent/25"
          />
        ))}
      </div>
    </li>
  );
}

type RowProps = {
  row: TimelineRow;
  rowIndex: number;
  range: TimelineRange;
  canReplan: boolean;
};

/** One release: its name and marks on the left, its six stage bars and go-live markers on the right. */
function TimelineRowItem({ row, rowIndex, range, canReplan }: RowProps) {
  return (
    <li
      data-testid="timeline-row"
      className="grid h-10 grid-cols-[var(--label)_1fr] border-b border-border/70 last:border-b-0"
    >
      <div
        className={cn(
          // Sticky: the name stays in sight while the chart scrolls sideways (a phone).
          "sticky left-0 z-10 flex min-w-0 items-center gap-1.5 border-r border-border bg-surface px-3",
          row.depth === 1 && "pl-7",
        )}
      >
        {row.depth === 1 && (
          <CornerDownRight aria-hidden className="size-3.5 shrink-0 text-subtle" />
        )}
        <div className="min-w-0">
          <Link
            href={`/releases/${row.id}`}
            className="block truncate text-sm font-medium text-fg hover:text-accent hover:underline"
          >
            {row.name}
          </Link>
          <p className="truncate text-[11px] text-muted">
            <span className="font-mono">{row.version}</span>
            {row.depth === 0 && row.parentName && <> · patch of {row.parentName}</>}
            {row.status !== "IN_PROGRESS" && <> · {RELEASE_STATUS_NAMES[row.status]}</>}
          </p>
        </div>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {row.atRisk && (
            <span
              title={`At risk: ${row.slipWorkingDays} working days behind the baseline`}
              className="flex items-center gap-0.5 rounded bg-warning-soft px-1 text-[10px] font-semibold text-warning"
            >
              <AlertTriangle aria-hidden className="size-3" />
              <span className="sr-only">At risk,</span>+{row.slipWorkingDays}
            </span>
          )}
          {row.overdueStage && (
            <span
              title={`${row.overdueStage} is past its planned end: the forecast moves every day`}
              data-testid="overdue"
              className="rounded bg-warning-soft px-1 text-[10px] font-semibold text-warning"
            >
              {row.overdueStage} overdue
            </span>
          )}
          {row.deploymentFlags.length > 0 && (
            <span
              title={
                row.deploymentFlags.includes("ARTIFACT_MISMATCH")
                  ? "Artifact mismatch: an environment runs another build than the release's"
                  : "Deployed before its stage opened"
              }
              data-testid="deployment-flag"
              className={cn(
                "flex items-center rounded px-1 text-[10px] font-semibold",
                row.deploymentFlags.includes("ARTIFACT_MISMATCH")
                  ? "bg-danger-soft text-danger"
                  : "bg-warning-soft text-warning",
              )}
            >
              <PackageX aria-hidden className="size-3" />
              <span className="sr-only">
                {row.deploymentFlags.includes("ARTIFACT_MISMATCH")
                  ? "Artifact mismatch"
                  : "Deployed out of order"}
              </span>
            </span>
          )}
          {row.promotion && (
            <span
              data-testid="promotion-mark"
              data-state={row.promotion.state}
              title={`Promotion to ${row.promotion.environment}: ${PROMOTION_STATE_WORDS[row.promotion.state]}${row.promotion.error ? ` (${row.promotion.error})` : ""}`}
              className={cn(
                "flex items-center gap-0.5 rounded px-1 text-[10px] font-semibold",
                row.promotion.state === "FAILED"
                  ? "bg-danger-soft text-danger"
                  : "bg-surface-muted text-muted",
              )}
            >
              <GitCommitHorizontal aria-hidden className="size-3" />
              <span className="sr-only">Promotion to</span>
              {row.promotion.environment}
              <span className="sr-only">: {PROMOTION_STATE_WORDS[row.promotion.state]}</span>
            </span>
          )}
          {row.isRejected && (
            <span
              title="A stage is rejected"
              className="flex items-center rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
            >
              <X aria-hidden className="size-3" />
              <span className="sr-only">Stage rejected</span>
            </span>
          )}
        </span>
      </div>
      <div className="relative" data-testid="timeline-bars" data-days={range.days}>
        {zip(row.stages, handovers(row.stages)).map(([stage, handover], column) => (
          <Segment
            key={stage.key}
            row={row}
            stage={stage}
            range={range}
            rowIndex={rowIndex}
            column={column}
            canReplan={canReplan}
            handover={handover}
          />
        ))}
        <ObservationBand row={row} range={range} />
        <RolloutMarks row={row} range={range} />
        {row.forecastGoLive !== row.baselineGoLive && !isCancelled(row.status) && (
          <Marker
            date={row.baselineGoLive}
            range={range}
            kind="baseline"
            title={`Baseline go-live ${formatDisplayDate(row.baselineGoLive)}`}
          />
        )}
        {row.originalGoLive !== row.baselineGoLive && !isCancelled(row.status) && (
          <Marker
            date={row.originalGoLive}
            range={range}
            kind="original"
            title={`Original go-live ${formatDisplayDate(row.originalGoLive)} (first plan)`}
          />
        )}
      </div>
    </li>
  );
}

export function TimelineChart({
  range,
  view,
  today,
  regionLabel,
  canReplan = false,
  moreHref,
  productHref,
  trains = [],
}: {
  range: TimelineRange;
  /** The rows to draw, grouped by product or not, already cut (lib/server/timeline). */
  view: TimelineView;
  today: IsoDate;
  regionLabel: string;
  /** Release managers may drag stage ends and go-lives to a what-if re-plan. */
  canReplan?: boolean;
  /** The address of this view with more rows. */
  moreHref?: string;
  /** The address of this view narrowed to one product. */
  productHref?: (productKey: string) => string;
  /** Products' coming train dates, marked above their releases. */
  trains?: TrainDates[];
}) {
  const trainOf = (productKey: string) => trains.find((train) => train.product.key === productKey);
  const { groups, flat, days } = view;
  // Arrow keys move through rows in the order they are drawn.
  const drawn = groups ? groups.flatMap((group) => group.shown) : flat!.shown;
  const indexOf = new Map(drawn.map((row, index) => [row.id, index]));
  const rowProps = (row: TimelineRow): RowProps => ({
    row,
    rowIndex: indexOf.get(row.id)!,
    range,
    canReplan,
  });
  return (
    <ChartFrame
      regionLabel={regionLabel}
      legend={["baseline"]}
      labelWidth="clamp(9.5rem, 42vw, 17rem)"
      hint="Arrow keys move between bars; Enter opens a stage with its approvals."
    >
      {/* Header: months, then days or weeks, then freeze bands. */}
      <TimeAxisHeader range={range} days={days} today={today} label="Release" />

      <BarInteractions canReplan={canReplan}>
        <div className="relative">
          {/* Background: non-working days, freezes, today. One layer for all rows. */}
          <DayShading range={range} days={days} today={today} />

          {groups ? (
            groups.map((group) => (
              <ProductGroupSection
                key={group.product.key}
                name={group.product.name}
                count={group.count}
                atRisk={group.atRisk}
                open={group.shown.length > 0}
              >
                {group.shown.length > 0 && (
                  <ol aria-label={`${group.product.name}: releases`}>
                    {trainOf(group.product.key) && (
                      <TrainRow train={trainOf(group.product.key)!} range={range} />
                    )}
                    {group.shown.map((row) => (
                      <TimelineRowItem key={row.id} {...rowProps(row)} />
                    ))}
                  </ol>
                )}
                <MoreRows
                  hidden={group.hidden}
                  where={`of ${group.product.name} here`}
                  href={productHref?.(group.product.key)}
                  action={`Show ${group.product.name} alone`}
                />
              </ProductGroupSection>
            ))
          ) : (
            <ol
              aria-label={`Releases from ${formatDisplayDate(range.start)} to ${formatDisplayDate(range.end)}`}
            >
              {trains.map((train) => (
                <TrainRow key={train.product.key} train={train} range={range} />
              ))}
              {flat!.shown.map((row) => (
                <TimelineRowItem key={row.id} {...rowProps(row)} />
              ))}
            </ol>
          )}
          {flat && (
            <MoreRows
              hidden={flat.hidden}
              where="in this window"
              href={moreHref}
              action="Show more"
            />
          )}
        </div>
      </BarInteractions>
    </ChartFrame>
  );
}
