import { nearestWord } from '../grammar/did-you-mean';
import { Findings, report, show } from './finding-list';

/**
 * Checks that `value`, when set, is one of `allowed` (API enums are case-sensitive); suggests the
 * allowed value the user most likely meant.
 */
export function checkEnum(out: Findings, value: unknown, field: string, allowed: readonly string[], what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && allowed.includes(value)) return value;
  // A mistyped value is at most 3 edits from the one meant (a value that differs only in case comes first).
  const guess = typeof value === 'string' ? nearestWord(value, allowed, 3) : undefined;
  report(out, field, `${what} ${show(value)} is not supported`,
    `use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`);
  return undefined;
}
