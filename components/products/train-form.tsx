"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { IDLE, type ProductState, submitted } from "@/lib/action-state";
import type { IsoDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";
import type { TrainDto } from "@/lib/types/product";

import { RegionSelect } from "../planning/region-select";
import { DialogActions } from "../ui/dialog-actions";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { useSavingForm } from "../ui/use-dialog-form";

type Save = (previous: ProductState, form: FormData) => Promise<ProductState>;

/** Cadences teams use most, as recurrence rules; anything else is written as a rule. */
const PRESETS = [
  { label: "Every 4 weeks on Tuesday", rule: "FREQ=WEEKLY;INTERVAL=4;BYDAY=TU" },
  { label: "Every 2 weeks on Tuesday", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" },
  { label: "Monthly, on the 2nd Tuesday", rule: "FREQ=MONTHLY;BYDAY=2TU" },
  { label: "Monthly, on the last Thursday", rule: "FREQ=MONTHLY;BYDAY=-1TH" },
] as const;

export type TrainFormProps = {
  productKey: string;
  productName: string;
  train: TrainDto | null;
  regions: Region[];
  defaultRegion: string;
  today: IsoDate;
  save: Save;
};

/** The train dialog's form, loaded when the dialog first opens. */
export function TrainForm({
  productKey,
  productName,
  train,
  regions,
  defaultRegion,
  today,
  save,
  close,
}: TrainFormProps & DialogBodyProps) {
  const router = useRouter();
  const [rule, setRule] = useState(train?.rule ?? PRESETS[0].rule);
  const { state, action, isPending, error } = useSavingForm(save, () => {
    close();
    router.refresh();
  });
  const preset = PRESETS.find((candidate) => candidate.rule === rule)?.rule ?? "custom";

  return (
    <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
      <input type="hidden" name="key" value={productKey} />
      <Field id="train-preset" label="Cadence">
        {(control) => (
          <Select
            {...control}
            value={preset}
            onChange={(event) => {
              if (event.target.value !== "custom") setRule(event.target.value);
            }}
          >
            {PRESETS.map((candidate) => (
              <option key={candidate.rule} value={candidate.rule}>
                {candidate.label}
              </option>
            ))}
            <option value="custom">Another rule…</option>
          </Select>
        )}
      </Field>
      <TextField
        id="train-rule"
        label="Recurrence rule (RFC 5545)"
        name="rule"
        value={rule}
        onChange={(event) => setRule(event.target.value)}
        inputClassName="font-mono"
        description="e.g. FREQ=WEEKLY;INTERVAL=4;BYDAY=TU or FREQ=MONTHLY;BYDAY=2TU"
        error={error("rule")}
      />
      <TextField
        id="train-first"
        label="First go-live"
        name="firstGoLive"
        type="date"
        min={today}
        defaultValue={submitted(state, "firstGoLive", train?.firstGoLive ?? "")}
        error={error("firstGoLive")}
        inputClassName="w-44"
      />
      <TextField
        id="train-name"
        label="Release names"
        name="namePattern"
        maxLength={100}
        defaultValue={submitted(
          state,
          "namePattern",
          train?.namePattern ?? `${productName} {year}.{n}`,
        )}
        description="{year}, {n} (the release's number in its year), {month}, {date}, {product}"
        error={error("namePattern")}
      />
      <TextField
        id="train-version"
        label="Versions (artifact tags)"
        name="versionPattern"
        maxLength={100}
        defaultValue={submitted(
          state,
          "versionPattern",
          train?.versionPattern ?? "{product}:{year}.{n}",
        )}
        inputClassName="font-mono"
        error={error("versionPattern")}
      />
      <Field id="train-region" label="Holiday region" error={error("region")}>
        {(control) => (
          <RegionSelect
            {...control}
            name="region"
            regions={regions}
            defaultValue={submitted(state, "region", train?.region ?? defaultRegion)}
          />
        )}
      </Field>
      <FormStatus state={state.status === "error" ? state : IDLE} />
      <DialogActions onCancel={close} label="Save train" isPending={isPending} />
    </form>
  );
}
