/**
 * IntOrString fields that hold a count or a percentage: apps/validation/validation.go
 * ValidatePositiveIntOrPercent, IsNotMoreThan100Percent, getIntOrPercentValue.
 */
import { parsePercent } from '../grammar/int-or-percent';
import { Findings, report, show } from './finding-list';
import { readIntOrString } from './values';

/**
 * Checks a count-or-percentage field: a whole number ≥ 0 or a string `N%`; with `max100`, a
 * percentage above 100% is refused too. Returns the number when well formed (getIntOrPercentValue:
 * the count, or the percentage without its `%`).
 */
export function checkIntOrPercent(out: Findings, raw: unknown, field: string, max100: boolean): number | undefined {
  const v = readIntOrString(out, raw, field);
  if (v === undefined) return undefined;
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (typeof v === 'number') {
    // ValidatePositiveIntOrPercent -> ValidateNonnegativeField.
    if (v < 0) {
      report(out, field, `${name} ${v} is negative`, `use a count of at least 0 or a percentage, e.g. ${name}: 1 or ${name}: "25%"`);
      return undefined;
    }
    return v;
  }
  const value = parsePercent(v);
  if (value === undefined) {
    const digits = /^\s*(\d+)\s*%?\s*$/.exec(v);
    report(out, field, `${name} ${show(v)} is neither a whole number nor a percentage`,
      digits ? `write ${name}: ${digits[1]} (a count, unquoted) or ${name}: "${digits[1]}%"` : `write a count such as ${name}: 1 or a percentage such as ${name}: "25%"`);
    return undefined;
  }
  // IsNotMoreThan100Percent.
  if (max100 && value > 100) {
    report(out, field, `${name} ${show(v)} is more than 100%`, `use at most "100%"`);
  }
  return value;
}
