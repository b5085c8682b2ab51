import Link from "next/link";

import type { IsoDate } from "@/lib/domain/dates";
import type { ReleaseType } from "@/lib/domain/stages";
import type { ProductOption } from "@/lib/types/product";

import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Select } from "../ui/input";
import { TextField } from "../ui/text-field";
import { ProductFilter } from "../views/product-filter";

/** The report's period and type, as a plain GET form: the choice lives in the URL. */
export function ReportPeriodForm({
  from,
  to,
  type,
  product,
  products,
}: {
  from: IsoDate;
  to: IsoDate;
  type?: ReleaseType;
  /** Product keys, comma-separated. */
  product?: string;
  products: ProductOption[];
}) {
  return (
    <form action="/reports" className="flex flex-wrap items-end gap-3" aria-label="Report period">
      <TextField
        id="report-from"
        label="From"
        name="from"
        type="date"
        defaultValue={from}
        inputClassName="w-44 tabular"
      />
      <TextField
        id="report-to"
        label="To"
        name="to"
        type="date"
        defaultValue={to}
        inputClassName="w-44 tabular"
      />
      <Field id="report-type" label="Type">
        {(control) => (
          <Select {...control} name="type" defaultValue={type ?? ""} className="w-52">
            <option value="">Releases and patches</option>
            <option value="RELEASE">Releases</option>
            <option value="PATCH">Patches</option>
          </Select>
        )}
      </Field>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-fg">Products</p>
        <ProductFilter products={products} selected={product} />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <Link href="/reports" className="pb-2 text-sm font-medium text-accent hover:underline">
        Last 12 months
      </Link>
    </form>
  );
}
