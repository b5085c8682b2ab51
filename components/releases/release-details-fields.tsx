"use client";

import { type ActionState, submitted } from "@/lib/action-state";
import type { Region } from "@/lib/domain/holidays";
import type { ReleaseType } from "@/lib/domain/stages";
import type { ProductOption } from "@/lib/types/product";
import { cn } from "@/lib/utils";

import { RegionSelect } from "../planning/region-select";
import { ProductOptions } from "../products/product-options";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";
import { Textarea } from "../ui/textarea";

import type { EditableRelease } from "./release-form";

const TYPES = [
  { value: "RELEASE", label: "Release", hint: "a planned feature delivery" },
  { value: "PATCH", label: "Patch", hint: "a fix to a release already out" },
] as const;

/** What a release is: its type (and parent), name, artifact, description and holiday region. */
export function ReleaseDetailsFields({
  state,
  release,
  type,
  onTypeChange,
  parents,
  initialParentId,
  regions,
  region,
  onRegionChange,
  products,
  defaultProduct,
}: {
  state: ActionState;
  /** The products a release may belong to; the default one is preselected for new releases. */
  products: ProductOption[];
  defaultProduct: string;
  release?: EditableRelease;
  type: ReleaseType;
  onTypeChange: (type: ReleaseType) => void;
  parents: { id: string; name: string; version: string }[];
  initialParentId?: string;
  regions: Region[];
  region: string;
  onRegionChange: (region: string) => void;
}) {
  const error = (field: string) => state.fieldErrors?.[field];
  const isArtifactLocked = release?.isArtifactLocked ?? false;
  return (
    <section
      aria-label="Release"
      className="space-y-5 rounded-xl border border-border bg-surface p-5 shadow-xs"
    >
      {!release ? (
        <fieldset>
          <legend className="text-sm font-medium text-fg">Type</legend>
          <div className="mt-1.5 grid grid-cols-2 gap-2">
            {TYPES.map((option) => (
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
                  onChange={() => onTypeChange(option.value)}
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
          {release.type === "PATCH" ? `Patch of ${release.parentName}` : "Release"} · revision{" "}
          {release.revision}
        </p>
      )}

      {!release && type === "PATCH" && (
        <Field id="release-parent" label="Patch of release" error={error("parentId")}>
          {(control) => (
            <Select
              {...control}
              name="parentId"
              defaultValue={submitted(state, "parentId", initialParentId)}
            >
              <option value="">Choose the release this patch fixes…</option>
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {parent.name} ({parent.version})
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}

      <Field
        id="release-product"
        label="Product"
        error={error("product")}
        description={
          !release && type === "PATCH"
            ? "A patch is usually of its release's product; leave it on “Same as the release” for that."
            : undefined
        }
      >
        {(control) => (
          <Select
            {...control}
            name="product"
            defaultValue={submitted(
              state,
              "product",
              release?.product ?? (type === "PATCH" ? "" : defaultProduct),
            )}
          >
            {!release && type === "PATCH" && <option value="">Same as the release</option>}
            <ProductOptions products={products} />
          </Select>
        )}
      </Field>

      <TextField
        id="release-name"
        label="Name"
        error={error("name")}
        name="name"
        required
        maxLength={120}
        placeholder="e.g. Customer Portal 2027.03"
        defaultValue={submitted(state, "name", release?.name)}
      />
      <div className="space-y-1.5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="release-version"
            label="Version / artifact tag"
            error={error("version")}
            aria-describedby="release-artifact-hint"
            name="version"
            required
            maxLength={128}
            placeholder="portal-web:2027.03.0"
            inputClassName="font-mono"
            defaultValue={submitted(state, "version", release?.version)}
            disabled={isArtifactLocked}
          />
          <TextField
            id="release-digest"
            label="Digest (optional)"
            error={error("digest")}
            aria-describedby="release-artifact-hint"
            name="digest"
            maxLength={160}
            placeholder="sha256:…"
            inputClassName="font-mono"
            defaultValue={submitted(state, "digest", release?.digest)}
            disabled={isArtifactLocked}
          />
        </div>
        <p id="release-artifact-hint" className="text-xs text-muted">
          {isArtifactLocked
            ? "The artifact is fixed: DEV is signed off and the same build moves through every stage. A rebuild is a new release or patch."
            : "The same artifact moves through every stage; it is fixed once DEV is signed off."}
        </p>
      </div>
      <Field id="release-description" label="Description (optional)" error={error("description")}>
        {(control) => (
          <Textarea
            {...control}
            name="description"
            maxLength={4000}
            rows={3}
            defaultValue={submitted(state, "description", release?.description)}
          />
        )}
      </Field>
      <Field
        id="release-region"
        label="Holiday region"
        description={release?.hasStarted ? "The region is fixed once DEV has started." : undefined}
      >
        {(control) => (
          <RegionSelect
            {...control}
            name="region"
            regions={regions}
            value={region}
            onChange={(event) => onRegionChange(event.target.value)}
            disabled={release?.hasStarted}
          />
        )}
      </Field>
    </section>
  );
}
