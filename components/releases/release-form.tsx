"use client";

import { Loader2, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import { IDLE, type SaveState } from "@/lib/action-state";
import type { IsoDate } from "@/lib/domain/dates";
import type { Region } from "@/lib/domain/holidays";
import type { ReleaseType } from "@/lib/domain/stages";
import type { ProductOption } from "@/lib/types/product";

import type { PickMode } from "../planning/month-picker";
import { usePlanPreview } from "../planning/use-plan-preview";
import { Button } from "../ui/button";
import { ButtonLink } from "../ui/button-link";
import { FormStatus } from "../ui/form-status";

import { ReleaseDetailsFields } from "./release-details-fields";
import { ReleasePlanFields } from "./release-plan-fields";

export type EditableRelease = {
  id: string;
  revision: number;
  type: ReleaseType;
  name: string;
  version: string;
  digest: string | null;
  description: string | null;
  region: string;
  /** The product's key. */
  product: string;
  parentName: string | null;
  forecastGoLive: IsoDate;
  hasStarted: boolean;
  isArtifactLocked: boolean;
};

type Props = {
  regions: Region[];
  defaultRegion: string;
  products: ProductOption[];
  defaultProduct: string;
  today: IsoDate;
  /** Releases a patch can belong to. */
  parents: { id: string; name: string; version: string }[];
  release?: EditableRelease;
  initialParentId?: string;
  /** The server action that saves: creating answers with the new release's id. */
  save: (previous: SaveState, form: FormData) => Promise<SaveState>;
};

/** The one form for creating and editing a release or patch; validation messages appear inline. */
export function ReleaseForm({
  regions,
  defaultRegion,
  products,
  defaultProduct,
  today,
  parents,
  release,
  initialParentId,
  save,
}: Props) {
  const isEdit = Boolean(release);
  const router = useRouter();
  const [state, formAction, isPending] = useActionState<SaveState, FormData>(save, IDLE);
  const [type, setType] = useState<ReleaseType>(
    release?.type ?? (initialParentId ? "PATCH" : "RELEASE"),
  );
  const [region, setRegion] = useState(release?.region ?? defaultRegion);
  const [mode, setMode] = useState<PickMode>("goLive");
  const [date, setDate] = useState<IsoDate | null>(null);
  // A go-live taken from the search is reserved when saved (capacity checked in the write).
  const [taken, setTaken] = useState<IsoDate | null>(null);
  const reserve = taken !== null && mode === "goLive" && date === taken;
  const [wantsReplan, setWantsReplan] = useState(!isEdit);
  const preview = usePlanPreview(mode, wantsReplan ? date : null, region);

  useEffect(() => {
    const saved = state.releaseId ?? release?.id;
    if (state.status === "success" && saved) router.push(`/releases/${saved}`);
  }, [state, release, router]);

  return (
    <form
      key={state.at ?? "form"}
      action={formAction}
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
      <input type="hidden" name="reserve" value={reserve ? "on" : ""} />

      <ReleaseDetailsFields
        state={state}
        release={release}
        type={type}
        onTypeChange={setType}
        parents={parents}
        initialParentId={initialParentId}
        regions={regions}
        region={region}
        onRegionChange={setRegion}
        products={products}
        defaultProduct={defaultProduct}
      />
      <ReleasePlanFields
        today={today}
        region={region}
        mode={mode}
        onModeChange={setMode}
        date={date}
        onDateChange={setDate}
        preview={preview}
        dateError={state.fieldErrors?.goLive}
        canUseStart={!release?.hasStarted}
        releaseId={release?.id}
        onTakeCandidate={(goLive) => {
          setMode("goLive");
          setDate(goLive);
          setTaken(goLive);
        }}
        replan={
          release && {
            wanted: wantsReplan,
            onChange: setWantsReplan,
            currentGoLive: release.forecastGoLive,
          }
        }
      />

      <div className="flex flex-wrap items-center gap-3 xl:col-span-2">
        <Button
          type="submit"
          size="lg"
          disabled={isPending || (!isEdit && !date) || (isEdit && wantsReplan && !date)}
        >
          {isPending && <Loader2 aria-hidden className="animate-spin" />}
          {isEdit ? "Save changes" : type === "PATCH" ? "Plan patch" : "Plan release"}
        </Button>
        <ButtonLink
          variant="ghost"
          size="lg"
          href={release ? `/releases/${release.id}` : "/releases"}
        >
          Cancel
        </ButtonLink>
        <div className="min-w-64 flex-1">
          <FormStatus state={state} />
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
