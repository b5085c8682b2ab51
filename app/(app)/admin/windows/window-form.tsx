"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/input";
import { TextField } from "@/components/ui/text-field";
import { IDLE, submitted } from "@/lib/action-state";
import { STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import { saveWindowAction } from "@/lib/server/actions/windows";
import type { ProductOption } from "@/lib/types/product";
import type { WindowDto } from "@/lib/types/windows";
import { cn } from "@/lib/utils";

/** Rules people ask for most; any RFC 5545 rule may be typed instead. */
const PRESETS = [
  { rule: "FREQ=WEEKLY;BYDAY=FR", label: "Every Friday" },
  { rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", label: "Every weekday" },
  { rule: "FREQ=WEEKLY;BYDAY=TU,WE,TH", label: "Tuesday to Thursday" },
  { rule: "FREQ=WEEKLY;BYDAY=SA,SU", label: "Saturday and Sunday" },
  { rule: "FREQ=DAILY", label: "Every day" },
  { rule: "FREQ=MONTHLY;BYDAY=-1FR", label: "Last Friday of the month" },
] as const;

export function WindowForm({
  window,
  products,
  today,
}: {
  window?: WindowDto;
  products: ProductOption[];
  today: string;
}) {
  const [state, action, isPending] = useActionState(saveWindowAction, IDLE);
  const router = useRouter();
  const [rule, setRule] = useState(window?.rule ?? PRESETS[0].rule);
  const [kind, setKind] = useState(window?.kind ?? "DENY");
  const error = (field: string) => state.fieldErrors?.[field];
  const chosenEnvironments = state.values?.environments ?? window?.environments ?? ["PROD"];
  const chosenProducts = state.values?.products ?? window?.products ?? [];

  useEffect(() => {
    if (state.status === "success" && window) router.replace("/admin/windows");
  }, [state, window, router]);

  return (
    <form action={action} noValidate className="mt-4 space-y-4" key={state.at ?? "form"}>
      {window && <input type="hidden" name="id" value={window.id} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Kind</legend>
        <div className="grid grid-cols-2 gap-2">
          {(
            [
              ["DENY", "Deny", "No deployments inside"],
              ["ALLOW", "Allow", "Deployments only inside"],
            ] as const
          ).map(([value, label, hint]) => (
            <label
              key={value}
              className={cn(
                "flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent",
                kind === value ? "border-accent bg-accent-soft" : "border-border-strong",
              )}
            >
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
                className="mt-0.5 accent-[var(--color-accent)]"
              />
              <span>
                <span className="block font-medium text-fg">{label}</span>
                <span className="block text-xs text-muted">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="window-name"
        label="Name"
        error={error("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={submitted(state, "name", window?.name)}
        placeholder="e.g. Weekend freeze"
      />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-fg">Environments</legend>
        <div className="grid grid-cols-3 gap-x-3 gap-y-1.5">
          {STAGE_KEYS.map((key) => (
            <label key={key} className="flex items-center gap-2 text-sm" title={STAGE_NAMES[key]}>
              <input
                type="checkbox"
                name="environments"
                value={key}
                defaultChecked={chosenEnvironments.includes(key)}
                className="size-4 accent-(--color-accent)"
              />
              {key}
            </label>
          ))}
        </div>
        {error("environments") && (
          <p className="text-xs text-danger" role="alert">
            {error("environments")}
          </p>
        )}
      </fieldset>
      <Field
        id="window-products"
        label="Products"
        description="None chosen: every product. Hold Ctrl or ⌘ to choose several."
        error={error("products")}
      >
        {(control) => (
          <select
            {...control}
            name="products"
            multiple
            defaultValue={chosenProducts}
            className="block h-24 w-full rounded-md border border-border-strong bg-surface px-2 py-1 text-sm text-fg"
          >
            {products.map((product) => (
              <option key={product.key} value={product.key}>
                {product.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="window-preset" label="Repeats">
        {(control) => (
          <Select
            {...control}
            value={PRESETS.some((preset) => preset.rule === rule) ? rule : ""}
            onChange={(event) => event.target.value && setRule(event.target.value)}
          >
            {PRESETS.map((preset) => (
              <option key={preset.rule} value={preset.rule}>
                {preset.label}
              </option>
            ))}
            <option value="">Another rule (below)</option>
          </Select>
        )}
      </Field>
      <TextField
        id="window-rule"
        label="Recurrence rule (RFC 5545)"
        name="rule"
        required
        maxLength={500}
        inputClassName="font-mono"
        value={rule}
        onChange={(event) => setRule(event.target.value)}
        error={error("rule")}
      />
      <div className="grid grid-cols-3 gap-3">
        <TextField
          id="window-start"
          label="Starts at"
          name="startTime"
          type="time"
          required
          defaultValue={submitted(state, "startTime", window?.startTime ?? "14:00")}
          error={error("startTime")}
        />
        <TextField
          id="window-hours"
          label="Hours"
          name="hours"
          type="number"
          min={0}
          defaultValue={submitted(
            state,
            "hours",
            String(Math.floor((window?.durationMinutes ?? 3960) / 60)),
          )}
          error={error("durationMinutes") ?? error("hours")}
        />
        <TextField
          id="window-minutes"
          label="Minutes"
          name="minutes"
          type="number"
          min={0}
          max={59}
          defaultValue={submitted(state, "minutes", String((window?.durationMinutes ?? 0) % 60))}
          error={error("minutes")}
        />
      </div>
      <TextField
        id="window-starts-on"
        label="From"
        description="The first day the rule counts from."
        name="startsOn"
        type="date"
        defaultValue={submitted(state, "startsOn", window?.startsOn ?? today)}
        error={error("startsOn")}
      />
      <FormStatus state={state} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          {window ? "Save changes" : "Add window"}
        </Button>
        {window && (
          <ButtonLink variant="ghost" href="/admin/windows">
            Cancel
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
