// RFC 5545 recurrence rules (the rrule package), read the same way for release trains and
// deployment windows: a rule without DTSTART or TZID (each use gives its own start), DAILY or
// coarser, no BYHOUR or BYMINUTE (a train date is a day; a window has its own start time).
import * as rrulePackage from "rrule";
import type { RRule } from "rrule";

import { AppError } from "../errors";

// rrule's "main" is a UMD bundle (Node's ESM loader sees only its default export), its "module" an
// ES build (bundlers see the named exports): take the classes from whichever this is.
const { RRule: RRuleClass, rrulestr } = ((rrulePackage as { default?: typeof rrulePackage })
  .default ?? rrulePackage) as typeof rrulePackage;

export { RRuleClass };
export type { RRule };

function invalidRule(message: string): AppError {
  return new AppError("BAD_REQUEST", "VALIDATION_FAILED", `Invalid rule: ${message}`, {
    issues: [{ path: "rule", message }],
  });
}

/**
 * A rule (`FREQ=WEEKLY;INTERVAL=4;BYDAY=TU`, an optional `RRULE:` prefix) from `dtstart` (floating:
 * its UTC fields are the wall clock). A malformed rule, a start of its own, a frequency finer than
 * a day or a time of day in the rule is a 400; `startName` says what the rule starts from.
 */
export function parseRule(rule: string, dtstart: Date, startName: string): RRule {
  const text = rule.trim().replace(/^RRULE:/i, "");
  if (/(^|;)\s*(DTSTART|TZID)\s*=/i.test(text) || /\n/.test(text)) {
    throw invalidRule(`the rule starts on ${startName}; leave DTSTART and TZID out.`);
  }
  let parsed: RRule;
  try {
    parsed = rrulestr(`RRULE:${text}`, { dtstart }) as RRule;
  } catch (error) {
    throw invalidRule(error instanceof Error ? error.message : "it cannot be read.");
  }
  if (!(parsed instanceof RRuleClass) || parsed.options.freq > RRuleClass.DAILY) {
    throw invalidRule("use a FREQ of DAILY, WEEKLY, MONTHLY or YEARLY.");
  }
  if (
    parsed.origOptions.byhour !== undefined ||
    parsed.origOptions.byminute !== undefined ||
    parsed.origOptions.bysecond !== undefined
  ) {
    throw invalidRule("leave BYHOUR, BYMINUTE and BYSECOND out.");
  }
  return parsed;
}
