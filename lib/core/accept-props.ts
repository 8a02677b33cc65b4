import { IConstruct } from 'constructs';
import { checkedRecord, registerChecked } from './checked-constructs';
import { ConfigurationError } from './configuration-error';
import { PropProblem } from './prop-problem';
import { checkProps, PropField } from './prop-spec';
import { userLocation } from './source-location';
import { installSynthCheck } from './synth-check';

/** The `name` prop, when props carry a usable one. */
function nameOf(props: unknown): string | undefined {
  const name = (props as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name.length > 0 && name.length <= 80 ? name : undefined;
}

/**
 * The first line of a construct's constructor: checks `props` against the construct's spec and
 * registers the construct with the synth-time check, which reports the problems of every construct
 * together. `semantics` runs only on well-typed props. Returns false when the props are malformed; the
 * constructor then renders nothing and withholds its public fields (withholdFields).
 */
export function acceptProps<P>(
  scope: IConstruct, kind: string, props: unknown, spec: Readonly<Record<string, PropField>>,
  semantics?: (props: P) => readonly PropProblem[],
): boolean {
  const name = nameOf(props);
  const record = registerChecked(scope, name ? `${kind} "${name}"` : kind, name);
  installSynthCheck(scope);
  const problems = checkProps(props, `${kind}Props`, spec);
  if (problems.length === 0) {
    if (semantics) record.problems.push(...semantics(props as P));
    return true;
  }
  record.problems.push(...problems, ...bestEffort(props, problems, semantics));
  record.refused = true;
  return false;
}

/**
 * So that every problem is reported at once, the construct's own rules also run over malformed props,
 * keeping only what they say about the props that are well-formed. A rule tripping over a malformed
 * value is expected here (the props are refused anyway), so its exception is dropped.
 */
function bestEffort<P>(props: unknown, malformed: readonly PropProblem[], semantics?: (props: P) => readonly PropProblem[]): PropProblem[] {
  if (!semantics || props === null || typeof props !== 'object' || Array.isArray(props)) return [];
  // The rules see the props without the malformed top-level ones (as if left at their defaults) and
  // say nothing about those.
  const top = (prop: string) => prop.split(/[.[]/)[0];
  const dropped = new Set(malformed.map((m) => top(m.prop)));
  const wellFormed = Object.fromEntries(Object.entries(props).filter(([k]) => !dropped.has(k)));
  try {
    return semantics(wellFormed as P).filter((p) => !dropped.has(top(p.prop)));
  } catch {
    return [];
  }
}

/** Reports problems found by a construct's own checks, for synth. */
export function reportProblems(scope: IConstruct, kind: string, problems: readonly PropProblem[]): void {
  registerChecked(scope, kind).problems.push(...problems);
}

/**
 * A refused construct rendered nothing, so its public fields have no value to hold: reading one throws
 * the construct's ConfigurationError (its problems, as synth would report them), never `undefined` from a
 * field typed as always set.
 */
export function withholdFields<T extends IConstruct>(scope: T, fields: ReadonlyArray<keyof T & string>): void {
  const refusal = () => {
    const record = checkedRecord(scope);
    return new ConfigurationError([{ path: scope.node.path, label: record?.label ?? scope.node.id, location: userLocation(record?.site), problems: record?.problems ?? [] }]);
  };
  for (const field of fields) Object.defineProperty(scope, field, { get: () => { throw refusal(); }, configurable: true, enumerable: false });
}
