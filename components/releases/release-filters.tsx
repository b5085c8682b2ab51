import { Search } from "lucide-react";
import Link from "next/link";

import {
  RELEASE_STATUS_NAMES,
  RELEASE_STATUSES,
  STAGE_KEYS,
  STAGE_NAMES,
} from "@/lib/domain/stages";
import type { ProductOption } from "@/lib/types/product";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/input";
import { pillClassName } from "../ui/pill";
import { ProductFilter } from "../views/product-filter";

const TYPE_OPTIONS = [
  { value: undefined, label: "All" },
  { value: "RELEASE", label: "Releases" },
  { value: "PATCH", label: "Patches" },
] as const;

export function hrefWith(basePath: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** Filters live in the URL, so a filtered list can be bookmarked and shared. Works without JavaScript. */
export function ReleaseFilters({
  type,
  status,
  q,
  region,
  regions,
  product,
  products,
  environment,
  hasEnvironmentFilter = false,
  basePath = "/releases",
  keep = {},
  isValid = true,
}: {
  type?: string;
  status?: string;
  q?: string;
  region?: string;
  /** When given, a region filter is offered. */
  regions?: string[];
  /** Product keys, comma-separated. */
  product?: string;
  /** When given, a product filter (several at once) is offered. */
  products?: ProductOption[];
  environment?: string;
  /** Offer a filter by environment (the calendar shows only that environment's bars). */
  hasEnvironmentFilter?: boolean;
  basePath?: string;
  /** Other parameters of the view (zoom, month, ...) that filtering keeps. */
  keep?: Record<string, string | undefined>;
  /** False when the address held filters that could not be understood (and were ignored). */
  isValid?: boolean;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <nav
          aria-label="Type"
          className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-xs"
        >
          {TYPE_OPTIONS.map((option) => {
            const isActive = (type ?? undefined) === option.value;
            return (
              <Link
                key={option.label}
                href={hrefWith(basePath, {
                  ...keep,
                  type: option.value,
                  status,
                  q,
                  region,
                  product,
                  env: environment,
                })}
                aria-current={isActive ? "page" : undefined}
                className={pillClassName(isActive)}
              >
                {option.label}
              </Link>
            );
          })}
        </nav>
        <form action={basePath} className="flex flex-wrap items-center gap-2" role="search">
          {type && <input type="hidden" name="type" value={type} />}
          {Object.entries(keep).map(
            ([name, value]) =>
              value && <input key={name} type="hidden" name={name} value={value} />,
          )}
          <label className="sr-only" htmlFor="filter-status">
            Status
          </label>
          <Select id="filter-status" name="status" defaultValue={status ?? ""} className="w-44">
            <option value="">Any status</option>
            {RELEASE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {RELEASE_STATUS_NAMES[value]}
              </option>
            ))}
          </Select>
          {products && <ProductFilter products={products} selected={product} />}
          {regions && (
            <>
              <label className="sr-only" htmlFor="filter-region">
                Holiday region
              </label>
              <Select id="filter-region" name="region" defaultValue={region ?? ""} className="w-40">
                <option value="">Any region</option>
                {regions.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </Select>
            </>
          )}
          {hasEnvironmentFilter && (
            <>
              <label className="sr-only" htmlFor="filter-env">
                Environment
              </label>
              <Select id="filter-env" name="env" defaultValue={environment ?? ""} className="w-48">
                <option value="">All environments</option>
                {STAGE_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {key} · {STAGE_NAMES[key]}
                  </option>
                ))}
              </Select>
            </>
          )}
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-subtle"
            />
            <label className="sr-only" htmlFor="filter-q">
              Search name or version
            </label>
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Name or version"
              className="w-60 pl-8"
            />
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      </div>
      {!isValid && (
        <Alert role="status" tone="warning">
          Some filters in the address were not understood and were ignored.
        </Alert>
      )}
    </>
  );
}
