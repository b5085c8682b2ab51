"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { RegionSelect } from "@/components/planning/region-select";
import { ProductOptions } from "@/components/products/product-options";
import { StageChip } from "@/components/releases/stage-chip";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { FieldError, Input, Select } from "@/components/ui/input";
import { IDLE, submitted } from "@/lib/action-state";
import type { EnvironmentCapacity } from "@/lib/domain/conflicts";
import type { Region } from "@/lib/domain/holidays";
import { STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import { saveGeneralSettings } from "@/lib/server/actions/settings";
import type { ProductOption } from "@/lib/types/product";

type Props = {
  observationWorkingDays: number;
  products: ProductOption[];
  defaultProduct: string;
  regions: Region[];
  timeZones: string[];
  defaultRegion: string;
  companyTimeZone: string;
  capacity: EnvironmentCapacity;
};

export function GeneralSettingsForm({
  observationWorkingDays,
  products,
  defaultProduct,
  regions,
  timeZones,
  defaultRegion,
  companyTimeZone,
  capacity,
}: Props) {
  const [state, action, isPending] = useActionState(saveGeneralSettings, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={action} noValidate className="grid gap-6 lg:grid-cols-2" key={state.at ?? "form"}>
      <section className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-xs">
        <h2 className="text-base font-semibold text-fg">Calendar</h2>
        <Field
          id="default-region"
          label="Default holiday region"
          description="Used when a plan or a release names no region."
          error={error("defaultRegion")}
        >
          {(control) => (
            <RegionSelect
              {...control}
              name="defaultRegion"
              regions={regions}
              defaultValue={submitted(state, "defaultRegion", defaultRegion)}
            />
          )}
        </Field>
        <Field
          id="time-zone"
          label="Company time zone"
          description="Decides what “today” is for actual dates, at-risk and the today line."
          error={error("companyTimeZone")}
        >
          {(control) => (
            <Select
              {...control}
              name="companyTimeZone"
              defaultValue={submitted(state, "companyTimeZone", companyTimeZone)}
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </section>
      <section className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-xs">
        <h2 className="text-base font-semibold text-fg">Products and life after go-live</h2>
        <Field
          id="default-product"
          label="Default product"
          description="Releases created without naming a product (older API clients) join it."
          error={error("defaultProduct")}
        >
          {(control) => (
            <Select
              {...control}
              name="defaultProduct"
              defaultValue={submitted(state, "defaultProduct", defaultProduct)}
            >
              <ProductOptions products={products} />
            </Select>
          )}
        </Field>
        <Field
          id="observation-days"
          label="Observation window (working days)"
          description="After the PROD sign-off a release is observed this long; then its outcome is due: kept, rolled back or rolled forward."
          error={error("observationWorkingDays")}
        >
          {(control) => (
            <Input
              {...control}
              name="observationWorkingDays"
              type="number"
              min={1}
              max={60}
              defaultValue={submitted(
                state,
                "observationWorkingDays",
                String(observationWorkingDays),
              )}
              className="w-32"
            />
          )}
        </Field>
      </section>
      <section className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-xs">
        <div>
          <h2 className="text-base font-semibold text-fg">Environment capacity</h2>
          <p className="text-sm text-muted">
            How many releases an environment holds on one day. More is a conflict the planner warns
            about. Empty = unlimited.
          </p>
        </div>
        <ul className="divide-y divide-border">
          {STAGE_KEYS.map((key) => (
            <li key={key} className="flex items-center justify-between gap-4 py-2.5">
              <label
                htmlFor={`capacity-${key}`}
                className="flex items-center gap-3 text-sm font-medium text-fg"
              >
                <StageChip stageKey={key} status="SIGNED_OFF" size="md" />
                {STAGE_NAMES[key]}
              </label>
              <div className="text-right">
                <Input
                  id={`capacity-${key}`}
                  name={`capacity.${key}`}
                  type="number"
                  min={1}
                  max={50}
                  placeholder="Unlimited"
                  defaultValue={submitted(state, `capacity.${key}`, capacity[key]?.toString())}
                  aria-invalid={error(`capacity.${key}`) ? true : undefined}
                  aria-describedby={error(`capacity.${key}`) ? `capacity-${key}-error` : undefined}
                  className="w-32"
                />
                <FieldError id={`capacity-${key}-error`}>{error(`capacity.${key}`)}</FieldError>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <div className="flex items-center gap-4 lg:col-span-2">
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save settings
        </Button>
        <div className="flex-1">
          <FormStatus state={state} />
        </div>
      </div>
    </form>
  );
}
