import { AlertCircle } from "lucide-react";

import { formatDisplayDate, type IsoDate } from "@/lib/domain/dates";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";

/**
 * Why a date cannot be used (a weekend go-live, a stage end in the past …) with the nearest dates
 * that can, one click each. Announced as an alert.
 */
export function DateProblem({
  id,
  message,
  suggestions,
  onPick,
  className,
}: {
  id?: string;
  message: string;
  suggestions?: readonly IsoDate[];
  onPick: (date: IsoDate) => void;
  className?: string;
}) {
  return (
    <AlertBox id={id} tone="danger" icon={AlertCircle} role="alert" className={className}>
      <p>{message}</p>
      {suggestions && suggestions.length > 0 && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-fg">
          {suggestions.map((date) => (
            <Button
              key={date}
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => onPick(date)}
            >
              Use {formatDisplayDate(date)}
            </Button>
          ))}
        </p>
      )}
    </AlertBox>
  );
}
