import { Finding } from '../policy/finding';

/** One invalid prop: where, what was given, what it would cause and how to fix it. */
export interface PropProblem {
  /** Prop path as the caller wrote it, e.g. `rollout.maxSurge`. */
  readonly prop: string;
  /** The value that was given (or derived from a default). */
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
}

/** Thrown at synth time (in the constructor) with every invalid prop of one construct, not just the first. */
export class ConfigurationError extends Error {
  constructor(public readonly construct: string, public readonly problems: readonly PropProblem[]) {
    super(`${construct}: ${problems.length} invalid prop${problems.length === 1 ? '' : 's'}\n${problems
      .map((p) => `  - ${p.prop} = ${JSON.stringify(p.value)}: ${p.problem}. Fix: ${p.fix}.`)
      .join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Collects prop problems so a construct can report them all at once. */
export class PropChecker {
  private readonly problems: PropProblem[] = [];

  /** Records one problem. */
  public add(prop: string, value: unknown, problem: string, fix: string): void {
    this.problems.push({ prop, value, problem, fix });
  }

  /** Records policy findings, mapping each finding's field to a prop path and value. */
  public addFindings(findings: readonly Finding[], prop: (field: string) => string, value: (field: string) => unknown): void {
    for (const f of findings) this.add(prop(f.field), value(f.field), f.problem, f.fix);
  }

  /** Records findings about the fields of `source`, named `prefix.field` with the field's value. */
  public addFindingsAt(findings: readonly Finding[], prefix: string, source: unknown): void {
    this.addFindings(findings, (f) => `${prefix}.${f}`, (f) => valueAt(source, f));
  }

  /** Checks that a timing prop is a whole number of at least `min`. */
  public wholeNumber(prop: string, value: number | undefined, min: number): void {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      this.add(prop, value, `must be a whole number of at least ${min}`, `use a whole number such as ${Math.max(min, 1)}`);
    }
  }

  /** Throws a ConfigurationError naming `construct` when any problem was recorded. */
  public throwIfAny(construct: string): void {
    if (this.problems.length > 0) throw new ConfigurationError(construct, this.problems);
  }
}

/** The value at a dotted path such as `limits.cpu` or `httpGet.port`. */
export function valueAt(source: unknown, dottedPath: string): unknown {
  return dottedPath.split('.').reduce<any>((o, k) => o?.[k], source);
}
