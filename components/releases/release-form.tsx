"use client";

import { Loader2, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import {
  createReleaseAction,
  type CreateState,
  updateReleaseAction,
} from "@/app/(app)/releases/actions";
import { type ActionState, IDLE, submitted } from "@/lib/action-state";
import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";
import type { ReleaseType } from "@/lib/domain/stages";
import { cn } from "@/lib/utils";

import { MonthPicker, type PickMode } from "../planning/month-picker";
import { PlanPreview, type PlanView } from "../planning/plan-preview";
import { Button } from "../ui/button";
import { FormStatus } from "../ui/form-status";
import { FieldError, Input, Label, Select } from "../ui/input";
import { Textarea } from "../ui/textarea";

import { STAGE_COLOR } from "./stage-style";

export type EditableRelease = {
  id: string;
  revision: number;
  type: ReleaseType;
  name: string;
  version: string;
  digest: string | null;
  description: string | null;
  region: string;
  parentName: string | null;
  forecastGoLive: IsoDate;
  hasStarted: boolean;
  isArtifactLocked: boolean;
};

type Props = {
  regions: Region[];
  defaultRegion: string;
  today: IsoDate;
  /** Releases a patch can belong to. */
  parents: { id: string; name: string; version: string }[];
  release?: EditableRelease;
  initialParentId?: string;
};

/** Live preview of the plan a date gives, through POST /api/plan (nothing is written). */
function usePlanPreview(mode: PickMode, date: IsoDate | null, region: string) {
  const key = date ? JSON.stringify([mode, date, region]) : null;
  const [answer, setAnswer] = useState<{
    key: string;
    plan?: PlanView;
    error?: { message: string; suggestions?: IsoDate[] };
  } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetch("/api/plan", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ [mode]: date, region }),
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json();
        setAnswer(
          response.ok
            ? { key, plan: body }
            : {
                key,
                error: {
                  message: body.error.message,
                  suggestions: body.error.details?.suggestions,
                },
              },
        );
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError")
          setAnswer({ key, error: { message: "The plan could not be computed." } });
      });
    return () => controller.abort();
  }, [key, mode, date, region]);
  return answer && answer.key === key ? answer : null;
}

/** The one form for creating and editing a release or patch; validation messages appear inline. */
export function ReleaseForm({
  regions,
  defaultRegion,
  today,
  parents,
  release,
  initialParentId,
}: Props) {
  const isEdit = Boolean(release);
  const router = useRouter();
  const [createState, createAction, isCreating] = useActionState<CreateState, FormData>(
    createReleaseAction,
    IDLE,
  );
  const [updateState, updateAction, isUpdating] = useActionState<ActionState, FormData>(
    updateReleaseAction,
    IDLE,
  );
  const state = isEdit ? updateState : createState;
  const isPending = isCreating || isUpdating;

  const [type, setType] = useState<ReleaseType>(
    release?.type ?? (initialParentId ? "PATCH" : "RELEASE"),
  );
  const [region, setRegion] = useState(release?.region ?? defaultRegion);
  const [mode, setMode] = useState<PickMode>("goLive");
  const [date, setDate] = useState<IsoDate | null>(null);
  const [wantsReplan, setWantsReplan] = useState(!isEdit);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = usePlanPreview(mode, wantsReplan ? date : null, region);
  const error = (field: string) => state.fieldErrors?.[field];

  useEffect(() => {
    if (createState.status === "success" && createState.releaseId)
      router.push(`/releases/${createState.releaseId}`);
  }, [createState, router]);
  useEffect(() => {
    if (updateState.status === "success" && release) router.push(`/releases/${release.id}`);
  }, [updateState, release, router]);

  const highlight =
    preview?.plan?.stages.map((stage) => ({
      start: stage.start,
      end: stage.end,
      color: STAGE_COLOR[stage.key],
    })) ?? [];
  const canUseStart = !release?.hasStarted;

  return (
    <form
      key={state.at ?? "form"}
      action={isEdit ? updateAction : createAction}
      noValidate
      className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
    >
      {release && (
        <>
          <input type="hidden" name="id" value={release.id} />
          <input type="hidden" name="revision" value={release.revision} />
        </>
      )}
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="date" value={wantsReplan && date ? date : ""} />
      <input type="hidden" name="replan" value={wantsReplan ? "on" : ""} />

      <section
        aria-label="Release"
        className="space-y-5 rounded-xl border border-border bg-surface p-5 shadow-xs"
      >
        {!isEdit ? (
          <fieldset>
            <legend className="text-sm font-medium text-fg">Type</legend>
            <div className="mt-1.5 grid grid-cols-2 gap-2">
              {(
                [
                  { value: "RELEASE", label: "Release", hint: "a planned feature delivery" },
                  { value: "PATCH", label: "Patch", hint: "a fix to a release already out" },
                ] as const
              ).map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    "cursor-pointer rounded-md border px-3 py-2 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent",
                    type === option.value ? "border-accent bg-accent-soft" : "border-border-strong",
                  )}
                >
                  <input
                    type="radio"
                    name="type"
                    value={option.value}
                    checked={type === option.value}
                    onChange={() => setType(option.value)}
                    className="sr-only"
                  />
                  <span className="block font-medium text-fg">{option.label}</span>
                  <span className="block text-xs text-muted">{option.hint}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="text-sm text-muted">
            {release!.type === "PATCH" ? `Patch of ${release!.parentName}` : "Release"} · revision{" "}
            {release!.revision}
          </p>
        )}

        {!isEdit && type === "PATCH" && (
          <div className="space-y-1.5">
            <Label htmlFor="release-parent">Patch of release</Label>
            <Select
              id="release-parent"
              name="parentId"
              defaultValue={submitted(state, "parentId", initialParentId)}
              aria-invalid={Boolean(error("parentId"))}
              aria-describedby={error("parentId") ? "release-parent-error" : undefined}
            >
              <option value="">Choose the release this patch fixes…</option>
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {parent.name} ({parent.version})
                </option>
              ))}
            </Select>
            <FieldError id="release-parent-error">{error("parentId")}</FieldError>
          </div>
        )}

        <div className="space-y-1.5">
          <Label htmlFor="release-name">Name</Label>
          <Input
            id="release-name"
            name="name"
            required
            maxLength={120}
            placeholder="e.g. Customer Portal 2027.03"
            defaultValue={submitted(state, "name", release?.name)}
            aria-invalid={Boolean(error("name"))}
            aria-describedby={error("name") ? "release-name-error" : undefined}
          />
          <FieldError id="release-name-error">{error("name")}</FieldError>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor="release-version">Version / artifact tag</Label>
            <Input
              id="release-version"
              name="version"
              required
              maxLength={128}
              placeholder="portal-web:2027.03.0"
              className="font-mono"
              defaultValue={submitted(state, "version", release?.version)}
              disabled={release?.isArtifactLocked}
              aria-invalid={Boolean(error("version"))}
              aria-describedby={error("version") ? "release-version-error" : "release-version-hint"}
            />
            <FieldError id="release-version-error">{error("version")}</FieldError>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="release-digest">Digest (optional)</Label>
            <Input
              id="release-digest"
              name="digest"
              maxLength={160}
              placeholder="sha256:…"
              className="font-mono"
              defaultValue={submitted(state, "digest", release?.digest)}
              disabled={release?.isArtifactLocked}
              aria-invalid={Boolean(error("digest"))}
              aria-describedby={error("digest") ? "release-digest-error" : undefined}
            />
            <FieldError id="release-digest-error">{error("digest")}</FieldError>
          </div>
        </div>
        <p id="release-version-hint" className="-mt-3 text-xs text-muted">
          {release?.isArtifactLocked
            ? "The artifact is fixed: DEV is signed off and the same build moves through every stage. A rebuild is a new release or patch."
            : "The same artifact moves through every stage; it is fixed once DEV is signed off."}
        </p>
        <div className="space-y-1.5">
          <Label htmlFor="release-description">Description (optional)</Label>
          <Textarea
            id="release-description"
            name="description"
            maxLength={4000}
            rows={3}
            defaultValue={submitted(state, "description", release?.description)}
            aria-invalid={Boolean(error("description"))}
          />
          <FieldError id="release-description-error">{error("description")}</FieldError>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="release-region">Holiday region</Label>
          <Select
            id="release-region"
            name="region"
            value={region}
            onChange={(event) => setRegion(event.target.value)}
            disabled={release?.hasStarted}
          >
            {regions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} — {option.name}
              </option>
            ))}
          </Select>
          {release?.hasStarted && (
            <p className="text-xs text-muted">The region is fixed once DEV has started.</p>
          )}
        </div>
      </section>

      <section
        aria-label="Plan"
        className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-xs"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-base font-semibold text-fg">Plan</h2>
          {isEdit && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={wantsReplan}
                onChange={(event) => setWantsReplan(event.target.checked)}
                className="size-4 accent-(--color-accent)"
              />
              Re-plan (current go-live {formatDisplayDate(release!.forecastGoLive)})
            </label>
          )}
        </div>
        {wantsReplan && (
          <>
            <div
              className="grid grid-cols-2 gap-1 rounded-md border border-border-strong bg-surface-muted p-0.5"
              role="radiogroup"
              aria-label="Plan from"
            >
              {(
                [
                  { value: "goLive", label: "From a go-live" },
                  { value: "start", label: "From a DEV start" },
                ] as const
              ).map((option) => (
                <button
                  key={option.value}
                  type="button"
                  role="radio"
                  aria-checked={mode === option.value}
                  disabled={option.value === "start" && !canUseStart}
                  onClick={() => {
                    setMode(option.value);
                    setDate(null);
                  }}
                  className={cn(
                    "rounded px-3 py-1.5 text-sm font-medium text-muted disabled:opacity-50",
                    mode === option.value && "bg-surface text-fg shadow-xs",
                  )}
                >
                  {option.label}
                </button>
              ))}
            </div>
            <MonthPicker
              key={`${mode}-${region}`}
              region={region}
              mode={mode}
              selected={date}
              today={today}
              minDate={today}
              highlight={highlight}
              onPick={(picked) => {
                setRefusal(null);
                setDate(picked);
              }}
              onRefused={(picked, reason) =>
                setRefusal(
                  `${formatDisplayDate(picked)} cannot be the ${mode === "goLive" ? "go-live" : "DEV start"}: it is ${reason}.`,
                )
              }
            />
            {(refusal || preview?.error) && (
              <div
                role="alert"
                className="rounded-md border border-danger/25 bg-danger-soft px-3 py-2 text-sm text-danger"
              >
                {refusal ?? preview?.error?.message}
                {!refusal && preview?.error?.suggestions && (
                  <span className="mt-1 flex flex-wrap gap-2 text-fg">
                    {preview.error.suggestions.map((suggestion) => (
                      <button
                        key={suggestion}
                        type="button"
                        onClick={() => setDate(suggestion)}
                        className="rounded border border-border-strong bg-surface px-2 py-0.5 text-sm"
                      >
                        {formatDisplayDate(suggestion)}
                      </button>
                    ))}
                  </span>
                )}
              </div>
            )}
            {error("goLive") && <FieldError id="release-date-error">{error("goLive")}</FieldError>}
            {preview?.plan && <PlanPreview plan={preview.plan} />}
            {!date && (
              <p className="text-sm text-muted">
                Pick the {mode === "goLive" ? "go-live" : "first DEV day"} in the calendar; the six
                stage windows appear here.
              </p>
            )}
          </>
        )}
      </section>

      <div className="flex flex-wrap items-center gap-3 xl:col-span-2">
        <Button
          type="submit"
          size="lg"
          disabled={isPending || (!isEdit && !date) || (isEdit && wantsReplan && !date)}
        >
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          {isEdit ? "Save changes" : type === "PATCH" ? "Plan patch" : "Plan release"}
        </Button>
        <Button asChild variant="ghost" size="lg">
          <Link href={release ? `/releases/${release.id}` : "/releases"}>Cancel</Link>
        </Button>
        <div className="min-w-64 flex-1">
          {state.status === "error" && <FormStatus state={state} />}
          {state.code === "STALE_REVISION" && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="mt-2"
              onClick={() => window.location.reload()}
            >
              <RefreshCw aria-hidden />
              Reload the release
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
