// npm run bench:planner — backward plans per second of the indexed planner vs the day-by-day
// reference, measured in the same run on the same go-lives. Target: ≥ 1,000,000 plans/s with
// holidays, ≥ 20× the reference. A benchmark, not a test: it prints figures and asserts nothing.
import { fromDayNumber, toDayNumber } from "../lib/domain/dates";
import type { PeriodRule } from "../lib/domain/periods";
import { planBackward } from "../lib/domain/planner";
import {
  ReferenceCalendar,
  referencePlanBackward,
} from "../lib/domain/reference/reference-calendar";
import { DEFAULT_STAGE_DURATIONS } from "../lib/domain/stages";
import { WorkingDayCalendar } from "../lib/domain/working-days";

const REGION = "DE-BW";
const CLOSURES: PeriodRule[] = [
  { name: "Year-end closure", start: "2026-12-24", end: "2026-12-31", recurrence: "YEARLY" },
];

/** A deterministic pseudo-random sequence (mulberry32), so every run plans the same go-lives. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function goLives(calendar: ReferenceCalendar, count: number): string[] {
  const next = random(42);
  const first = toDayNumber("2026-01-01");
  const span = toDayNumber("2035-12-31") - first;
  const dates: string[] = [];
  while (dates.length < count) {
    const date = fromDayNumber(first + Math.floor(next() * span));
    if (calendar.isWorkingDay(date)) dates.push(date);
  }
  return dates;
}

/** Runs `plan` over the go-lives for at least `minMs`, returns plans per second. */
function measure(dates: string[], minMs: number, plan: (goLive: string) => unknown): number {
  let plans = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const date of dates) {
      const result = plan(date) as { stages?: unknown[] } | unknown[];
      sink += Array.isArray(result) ? result.length : (result.stages?.length ?? 0);
    }
    plans += dates.length;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  if (sink === 0) throw new Error("nothing planned");
  return (plans / elapsed) * 1000;
}

function format(value: number): string {
  return Math.round(value).toLocaleString("en-GB");
}

export function runPlannerBenchmark(): { indexed: number; reference: number; ratio: number } {
  const reference = new ReferenceCalendar(REGION, CLOSURES);
  const indexed = new WorkingDayCalendar({ region: REGION, closures: CLOSURES });
  const dates = goLives(reference, 10_000);

  // Warm-up: build the index over all years used and let the JIT settle.
  measure(dates, 300, (date) => planBackward(date, DEFAULT_STAGE_DURATIONS, indexed));
  measure(dates.slice(0, 500), 200, (date) =>
    referencePlanBackward(date, DEFAULT_STAGE_DURATIONS, reference),
  );

  const indexedRate = measure(dates, 2000, (date) =>
    planBackward(date, DEFAULT_STAGE_DURATIONS, indexed),
  );
  const referenceRate = measure(dates.slice(0, 2000), 2000, (date) =>
    referencePlanBackward(date, DEFAULT_STAGE_DURATIONS, reference),
  );
  const ratio = indexedRate / referenceRate;
  console.log(
    `Planner benchmark: ${REGION} with public holidays and a year-end closure, go-lives 2026–2035`,
  );
  console.log(
    `  indexed planner     ${format(indexedRate).padStart(12)} backward plans/s   (target ≥ 1,000,000)`,
  );
  console.log(`  day-by-day reference${format(referenceRate).padStart(12)} backward plans/s`);
  console.log(
    `  ratio               ${ratio.toFixed(1).padStart(12)}×                   (target ≥ 20×)`,
  );
  return { indexed: indexedRate, reference: referenceRate, ratio };
}

if (import.meta.url === `file://${process.argv[1]}`) runPlannerBenchmark();
