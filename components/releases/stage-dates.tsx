import { formatDateRange, type IsoDate } from "@/lib/domain/dates";

/** A stage's planned window (with its working days) and, once it started, what actually happened: `<dt>`/`<dd>` pairs for a `<dl>`. */
export function StageDates({
  stage,
}: {
  stage: {
    plannedStart: IsoDate;
    plannedEnd: IsoDate;
    workingDays: number;
    actualStart: IsoDate | null;
    actualEnd: IsoDate | null;
  };
}) {
  return (
    <>
      <div>
        <dt className="inline text-muted">Planned </dt>
        <dd className="inline text-fg tabular">
          {formatDateRange(stage.plannedStart, stage.plannedEnd)} · {stage.workingDays} working{" "}
          {stage.workingDays === 1 ? "day" : "days"}
        </dd>
      </div>
      {stage.actualStart && (
        <div>
          <dt className="inline text-muted">Actual </dt>
          <dd className="inline text-fg tabular">
            {formatDateRange(stage.actualStart, stage.actualEnd)}
          </dd>
        </div>
      )}
    </>
  );
}
