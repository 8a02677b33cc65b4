import { Findings, report, show } from './finding-list';

/**
 * Checks that `value`, when set, is one of `allowed` (API enums are case-sensitive); suggests the
 * allowed value the user most likely meant.
 */
export function checkEnum(out: Findings, value: unknown, field: string, allowed: readonly string[], what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && allowed.includes(value)) return value;
  const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
  report(out, field, `${what} ${show(value)} is not supported`,
    `use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`);
  return undefined;
}

/**
 * The allowed value nearest to `value`: the first at the smallest edit distance, at most 3, ignoring
 * case (so a value that differs only in case, at distance 0, comes first).
 */
export function closest(value: string, allowed: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = 4;
  for (const a of allowed) {
    const d = distance(lower, a.toLowerCase());
    if (d < bestDistance) { best = a; bestDistance = d; }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
