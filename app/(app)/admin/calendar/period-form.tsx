"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { IDLE, submitted, submittedChecked } from "@/lib/action-state";
import type { Region } from "@/lib/domain/holidays";
import type { CompanyPeriod } from "@/lib/domain/settings";
import { saveCalendarPeriod } from "@/lib/server/actions/settings";

export function PeriodForm({ period, regions }: { period?: CompanyPeriod; regions: Region[] }) {
  const [state, action, isPending] = useActionState(saveCalendarPeriod, IDLE);
  const router = useRouter();
  const error = (field: string) => state.fieldErrors?.[field];

  // After saving an edit, leave edit mode; after adding, the form is fresh for the next one.
  useEffect(() => {
    if (state.status === "success" && period) router.replace("/admin/calendar");
  }, [state, period, router]);

  return (
    <form action={action} noValidate className="mt-4 space-y-4" key={state.at ?? "form"}>
      {period && <input type="hidden" name="id" value={period.id} />}
      <Field id="period-kind" label="Kind">
        {(control) => (
          <Select
            {...control}
            name="kind"
            defaultValue={submitted(state, "kind", period?.kind ?? "FREEZE")}
          >
            <option value="FREEZE">Freeze window (no go-live)</option>
            <option value="NON_WORKING">Non-working period (office closed)</option>
          </Select>
        )}
      </Field>
      <TextField
        id="period-name"
        label="Name"
        error={error("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={submitted(state, "name", period?.name)}
        placeholder="e.g. Year-end change freeze"
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          id="period-start"
          label="First day"
          error={error("start")}
          name="start"
          type="date"
          required
          defaultValue={submitted(state, "start", period?.start)}
        />
        <TextField
          id="period-end"
          label="Last day"
          error={error("end")}
          name="end"
          type="date"
          required
          defaultValue={submitted(state, "end", period?.end)}
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="yearly"
          defaultChecked={submittedChecked(state, "yearly", "on", period?.recurrence === "YEARLY")}
          className="mt-0.5 size-4 accent-(--color-accent)"
        />
        <span>
          Every year
          <span className="block text-xs text-muted">
            Same month and day each year; may run over New Year.
          </span>
        </span>
      </label>
      <Field id="period-region" label="Region" error={error("region")}>
        {(control) => (
          <Select
            {...control}
            name="region"
            defaultValue={submitted(state, "region", period?.region)}
          >
            <option value="">All regions</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.code} — {region.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormStatus state={state} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          {period ? "Save changes" : "Add period"}
        </Button>
        {period && (
          <ButtonLink variant="ghost" href="/admin/calendar">
            Cancel
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
