import { Finding, wholeNumberProblem } from '../grammar/finding';
import { IConstruct } from 'constructs';
import { registerChecked } from './checked-constructs';
import { formatProblem, PropProblem } from './prop-problem';
import { valueAtPath } from '../grammar/field-path';

export { PropProblem } from './prop-problem';

/** The problems of one construct, as the report groups them. */
export interface RefusedConstruct {
  /** Construct path, e.g. `shop/api`. */
  readonly path: string;
  /** e.g. `ZeroDowntimeDeployment "api"`. */
  readonly label: string;
  /** The user's source line that built it, e.g. `main.ts:12`, when it could be found. */
  readonly location?: string;
  readonly problems: readonly PropProblem[];
}

/** Brand of the errors whose message is the whole report, printed alone by synthApps (shared across copies of this package). */
export const CLEAN_ERROR = Symbol.for('zero-downtime-charts.clean-error');

/**
 * Thrown by synth when any construct's props are invalid: every problem of every construct, one block
 * grouped by construct path, one line per problem. Nothing has been written.
 */
export class ConfigurationError extends Error {
  /** The refused constructs, in tree order. */
  public readonly constructs!: readonly RefusedConstruct[];

  constructor(constructs: readonly RefusedConstruct[]) {
    super(formatRefusal(constructs));
    Object.defineProperty(this, 'name', { value: 'ConfigurationError', enumerable: false, configurable: true, writable: true });
    // Not enumerable: node and jest print an error's own enumerable fields after its message.
    Object.defineProperty(this, 'constructs', { value: constructs, enumerable: false });
    Object.defineProperty(this, CLEAN_ERROR, { value: true, enumerable: false });
  }

  /** Every problem, in report order. */
  public get problems(): readonly PropProblem[] {
    return this.constructs.flatMap((c) => c.problems);
  }
}

function formatRefusal(constructs: readonly RefusedConstruct[]): string {
  const count = constructs.reduce((n, c) => n + c.problems.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const blocks = constructs.map((c) => {
    const head = [c.path, c.location ? `(${c.location})` : '', c.label].filter(Boolean).join(' ');
    return `${head}: ${plural(c.problems.length, 'invalid prop')}\n${c.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`;
  });
  return `${plural(count, 'problem')} in ${plural(constructs.length, 'construct')}; nothing was written.\n\n${blocks.join('\n\n')}`;
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
    this.addFindings(findings, (f) => `${prefix}.${f}`, (f) => valueAtPath(source, f));
  }

  /** Checks that a number prop is a whole number of at least `min`. */
  public wholeNumber(prop: string, value: unknown, min: number): void {
    const problem = value === undefined ? undefined : wholeNumberProblem(value, min);
    if (problem) this.add(prop, value, problem, `use a whole number of at least ${min}`);
  }

  /** The problems recorded so far. */
  public get all(): readonly PropProblem[] {
    return [...this.problems];
  }

  /**
   * Adds the problems to `scope`, a construct registered with the synth-time check (by `acceptProps`), so
   * that synth reports them with every other construct's.
   */
  public reportTo(scope: IConstruct): void {
    if (this.problems.length > 0) registerChecked(scope, scope.node.id).problems.push(...this.problems);
  }

  /** Throws the problems at once, labelled `construct`: for checks that run outside any construct. */
  public throwIfAny(construct: string): void {
    if (this.problems.length > 0) throw new ConfigurationError([{ path: construct, label: '', problems: [...this.problems] }]);
  }
}
