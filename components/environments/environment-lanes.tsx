import type { CSSProperties } from "react";

import {
  conflictKey,
  type EnvironmentCapacity,
  type EnvironmentConflict,
  explainConflict,
} from "@/lib/domain/conflicts";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { DayInfo } from "@/lib/domain/day-info";
import { cutLanes, drawWhileBudgetLasts } from "@/lib/domain/dense";
import { type Grouping, groupByProduct } from "@/lib/domain/grouping";
import { laneCount, packLanes } from "@/lib/domain/lanes";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "@/lib/domain/stages";
import { placeInRange, type TimelineRange } from "@/lib/domain/timeline";
import type { EnvironmentStay } from "@/lib/types/views";
import type { WindowMark } from "@/lib/types/windows";
import { cn } from "@/lib/utils";

import { stageBarClassName, stageBarStyle } from "../releases/stage-style";
import { DayShading, percent, TimeAxisHeader } from "../timeline/time-axis";
import { BarInteractions } from "../views/bar-interactions";
import { ChartFrame } from "../views/chart-frame";
import { ProductGroupSection } from "../views/product-group";
import { StageBar } from "../views/stage-bar";
import { WindowStripes } from "../views/window-marks";

const LANE_REM = 2;
/** Lanes per environment before "N more": six bands stay within a screen or two. */
const BAND_LANE_LIMIT = 8;
/** Lanes per environment within one product's group. */
const GROUPED_LANE_LIMIT = 4;
/**
 * Lanes drawn over all product groups: the groups after the budget runs out fold away with a link
 * to their product alone, so that fifty busy products never make a page of megabytes.
 */
const GROUPED_LANE_BUDGET = 64;

function capacityLabel(capacity: number | null): string {
  if (capacity === null) return "Shared · no limit";
  return capacity === 1
    ? "Exclusive · 1 release at a time"
    : `Limited · ${capacity} releases at a time`;
}

/**
 * One band per environment, in process order: which release occupies it on which days (stacked
 * when several share it), with the stretches where an exclusive environment is over capacity
 * marked in red and explained on hover.
 */
type Band = {
  key: StageKey;
  packed: ReturnType<typeof packLanes<EnvironmentStay>>;
  lanes: number;
  conflicts: EnvironmentConflict[];
  releases: number;
  /** Releases in the environment that the lane limit leaves undrawn. */
  hidden: number;
};

function bandsOf(
  stays: readonly EnvironmentStay[],
  conflicts: readonly EnvironmentConflict[],
  keys: readonly StageKey[],
  laneLimit: number,
): Band[] {
  return keys.map((key) => {
    const all = packLanes(stays.filter((stay) => stay.environment === key));
    const shown = new Set(all.map(({ item }) => item.releaseId));
    const { shown: packed } = cutLanes(all, laneLimit);
    const drawn = new Set(packed.map(({ item }) => item.releaseId));
    return {
      key,
      packed,
      hidden: [...shown].filter((id) => !drawn.has(id)).length,
      lanes: Math.max(1, laneCount(packed)),
      // A conflict shows where one of the band's releases takes part in it.
      conflicts: conflicts.filter(
        (c) => c.environment === key && c.releases.some((release) => shown.has(release.id)),
      ),
      releases: shown.size,
    };
  });
}

/** One environment's band: its name, capacity and load on the left, the stays in lanes on the right. */
function EnvironmentBand({
  band,
  range,
  capacity,
  firstRow,
  windowMarks,
}: {
  band: Band;
  range: TimelineRange;
  capacity: number | null;
  /** Arrow-key row of the band's first lane. */
  firstRow: number;
  windowMarks: readonly WindowMark[];
}) {
  return (
    <section
      aria-label={`${band.key} ${STAGE_NAMES[band.key]}`}
      data-testid="environment"
      data-environment={band.key}
      className="grid grid-cols-[var(--label)_1fr] border-b border-border last:border-b-0"
    >
      <div className="sticky left-0 z-10 flex min-w-0 flex-col justify-center gap-0.5 border-r border-border bg-surface px-3 py-2">
        <p className="flex items-center gap-2 text-sm font-semibold text-fg">
          <span
            aria-hidden
            className={cn("inline-block size-3 rounded-sm", stageBarClassName("SIGNED_OFF"))}
            style={stageBarStyle(band.key) as CSSProperties}
          />
          {band.key}
          <span className="font-normal text-muted">{STAGE_NAMES[band.key]}</span>
        </p>
        <p className="text-xs text-muted">{capacityLabel(capacity)}</p>
        <p className="text-xs text-muted">
          {band.releases === 0
            ? "Free in this period"
            : `${band.releases} ${band.releases === 1 ? "release" : "releases"}`}
          {band.conflicts.length > 0 && (
            <span className="font-semibold text-danger">
              {" "}
              · {band.conflicts.length} {band.conflicts.length === 1 ? "conflict" : "conflicts"}
            </span>
          )}
        </p>
        {band.hidden > 0 && (
          <p
            data-testid="more-rows"
            className="text-xs text-muted"
            title="Busy environments draw their first lanes: narrow the view with the filters to see every release."
          >
            <span className="font-semibold text-fg tabular">
              {band.hidden.toLocaleString("en-GB")} more
            </span>{" "}
            not drawn here
          </p>
        )}
      </div>
      <div className="relative py-1.5" style={{ height: `${band.lanes * LANE_REM + 0.75}rem` }}>
        <WindowStripes marks={windowMarks} environment={band.key} range={range} />
        {band.conflicts.map((conflict) => {
          const place = placeInRange(range, conflict.start, conflict.end);
          if (!place) return null;
          return (
            <span
              key={conflictKey(conflict)}
              data-testid="conflict-band"
              title={explainConflict(conflict)}
              style={{ left: percent(place.left), width: percent(place.width) }}
              className="absolute inset-y-0 border-x-2 border-dashed border-danger/70 bg-danger/10"
            />
          );
        })}
        {band.packed.map(({ item: stay, lane }, index) => {
          const place = placeInRange(range, stay.start, stay.end);
          if (!place) return null;
          const inConflict = band.conflicts.some(
            (c) =>
              c.start <= stay.end &&
              c.end >= stay.start &&
              c.releases.some((r) => r.id === stay.releaseId),
          );
          return (
            <StageBar
              key={`${stay.releaseId}-${band.key}`}
              data={{
                releaseId: stay.releaseId,
                stage: band.key,
                row: firstRow + lane,
                col: index,
              }}
              releaseName={stay.releaseName}
              stage={{ key: band.key, status: stay.stageStatus, start: stay.start, end: stay.end }}
              style={{
                left: percent(place.left),
                width: percent(place.width),
                top: `${lane * LANE_REM + 0.375}rem`,
                height: `${LANE_REM - 0.375}rem`,
              }}
              clipped={{ start: place.clippedStart, end: place.clippedEnd }}
              isConflict={inConflict}
              className="absolute gap-1 px-1.5 text-[11px] font-medium"
            >
              <span className="truncate">
                <span className="sr-only">{band.key} </span>
                {stay.releaseName}
              </span>
            </StageBar>
          );
        })}
      </div>
    </section>
  );
}

/** Per product: its bands, drawn while the lane budget lasts (the groups after it fold away). */
function productSections(
  stays: readonly EnvironmentStay[],
  conflicts: readonly EnvironmentConflict[],
) {
  const groups = groupByProduct(stays);
  const drawn = drawWhileBudgetLasts(
    groups,
    (group) =>
      bandsOf(
        group.items,
        conflicts,
        STAGE_KEYS.filter((key) => group.items.some((stay) => stay.environment === key)),
        GROUPED_LANE_LIMIT,
      ),
    (bands) => bands.reduce((sum, band) => sum + band.lanes, 0),
    GROUPED_LANE_BUDGET,
  );
  return groups.map((group, index) => ({
    product: group.product,
    releases: new Set(group.items.map((stay) => stay.releaseId)).size,
    bands: drawn[index] ?? [],
    isDrawn: drawn[index] !== null,
  }));
}

/**
 * One band per environment, in process order: which release occupies it on which days (stacked
 * when several share it), with the stretches where an exclusive environment is over capacity
 * marked in red and explained on hover. Grouped by product, each product gets the bands of the
 * environments its releases use, under a heading that folds away.
 */
export function EnvironmentLanes({
  range,
  stays,
  conflicts,
  capacity,
  days,
  today,
  regionLabel,
  groupBy,
  productHref,
  windowMarks = [],
}: {
  range: TimelineRange;
  stays: EnvironmentStay[];
  conflicts: EnvironmentConflict[];
  capacity: EnvironmentCapacity;
  days: DayInfo[];
  today: IsoDate;
  regionLabel: string;
  groupBy?: Grouping;
  /** Where a product's environments are shown alone (the view filtered to it). */
  productHref: (productKey: string) => string;
  /** Deny windows and exceptions, striped across the bands of their environments. */
  windowMarks?: readonly WindowMark[];
}) {
  const sections =
    groupBy === "product"
      ? productSections(stays, conflicts)
      : [
          {
            product: undefined,
            releases: 0,
            bands: bandsOf(stays, conflicts, STAGE_KEYS, BAND_LANE_LIMIT),
            isDrawn: true,
          },
        ];
  // Arrow keys move lane by lane through every band, in the order they are drawn.
  const allBands = sections.flatMap((section) => section.bands);
  const firstRows = new Map(
    allBands.map((band, i) => [
      band,
      allBands.slice(0, i).reduce((sum, before) => sum + before.lanes, 0),
    ]),
  );
  const rendered = sections.map((section) => {
    const bands = section.bands.map((band) => (
      <EnvironmentBand
        key={band.key}
        band={band}
        range={range}
        capacity={capacity[band.key]}
        firstRow={firstRows.get(band)!}
        windowMarks={windowMarks}
      />
    ));
    if (!section.product) return bands;
    return (
      <ProductGroupSection
        key={section.product.key}
        name={section.product.name}
        count={section.releases}
        open={section.isDrawn}
      >
        {section.isDrawn ? (
          bands
        ) : (
          <p
            data-testid="group-not-drawn"
            className="relative z-10 border-b border-border bg-surface px-3 py-2 text-sm text-muted"
          >
            Not drawn with so many products in view:{" "}
            <a
              href={productHref(section.product.key)}
              className="font-medium text-accent hover:underline"
            >
              show {section.product.name} alone
            </a>
            .
          </p>
        )}
      </ProductGroupSection>
    );
  });

  return (
    <ChartFrame
      regionLabel={regionLabel}
      legend={windowMarks.length > 0 ? ["conflict", "deny-window"] : ["conflict"]}
      labelWidth="clamp(9.5rem, 42vw, 15rem)"
      hint={
        <>
          Bars show where each release is (or is planned to be) from{" "}
          {formatDisplayDate(range.start)} to {formatDisplayDate(range.end)}. Arrow keys move
          between bars; Enter opens the stage.
        </>
      }
    >
      <TimeAxisHeader range={range} days={days} today={today} label="Environment" />
      <BarInteractions>
        <div className="relative">
          <DayShading range={range} days={days} today={today} />
          {rendered}
        </div>
      </BarInteractions>
    </ChartFrame>
  );
}
