import type { Region } from "@/lib/domain/holidays";

import { Select } from "../ui/input";

/** The holiday regions the calendar knows, as "DE-BW — Baden-Württemberg (Germany)". */
export function RegionSelect({
  regions,
  ...props
}: React.ComponentProps<typeof Select> & { regions: readonly Region[] }) {
  return (
    <Select {...props}>
      {regions.map((option) => (
        <option key={option.code} value={option.code}>
          {option.code} — {option.name}
        </option>
      ))}
    </Select>
  );
}
