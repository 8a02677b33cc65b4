/** One invalid prop: where, what was given, what it would cause and how to fix it. */
export interface PropProblem {
  /** Prop path as the caller wrote it, e.g. `rollout.maxSurge`. */
  readonly prop: string;
  /** The value that was given (or derived from a default). */
  readonly value: unknown;
  /** What is wrong and what it would cause. */
  readonly problem: string;
  /** One line that says how to fix it. */
  readonly fix: string;
}

/**
 * A factory's problems (`Probe.httpGet(...)`, `WordpressDatabase.external(...)`) as problems of the prop that
 * received what it built: `port` becomes `readinessProbe.port`; `(props)`, the options object itself, the prop.
 */
export function nestProblems(problems: readonly PropProblem[], prop: string): PropProblem[] {
  return problems.map((p) => ({ ...p, prop: p.prop === '(props)' ? prop : `${prop}.${p.prop}` }));
}

const MAX_VALUE_LENGTH = 80;

/** A value as a message shows it: JSON, shortened; never throws (circular objects, class instances, functions). */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = `a ${(value as object)?.constructor?.name ?? typeof value}`;
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** One problem as one line: `prop = value: problem. Fix: fix.` */
export function formatProblem(p: PropProblem): string {
  const end = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
  return `${p.prop} = ${formatValue(p.value)}: ${end(p.problem)} Fix: ${end(p.fix)}`;
}
