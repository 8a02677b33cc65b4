import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { validateObject } from '../validation';
import { checkedOwner, checkedRecord, propOfField } from './checked-constructs';
import { ConfigurationError, RefusedConstruct } from './configuration-error';
import { valueAtPath } from '../grammar/field-path';
import { KubernetesVersion } from './kubernetes-version';
import { formatValue, PropProblem } from './prop-problem';
import { userLocation } from './source-location';

/** Set on an app whose synth checks every object, not only those the project's constructs made (ZeroDowntimeApp). */
export const CHECK_ALL_OBJECTS = Symbol.for('zero-downtime-charts.check-all-objects');
/** Set on an app while its synth has already run the check, so cdk8s's validation pass does not run it again. */
export const CHECK_DONE = Symbol.for('zero-downtime-charts.check-done');

/** Options of one synth-time check. */
export interface SynthCheckOptions {
  /** Check every object in the tree (ZeroDowntimeApp), or only those the project's constructs made. */
  readonly allObjects: boolean;
  /** The final JSON of an object (shared with the audit and the writer when the caller has it). */
  readonly jsonOf: (obj: ApiObject) => unknown;
}

interface Group { readonly scope: IConstruct; readonly label: string; readonly problems: PropProblem[]; readonly seen: Set<string> }

/**
 * Every problem in the app: the props each construct refused, every other construct's own cdk8s
 * validations, API-server findings on the final JSON of each object (named by prop where the construct
 * mapped the field), and objects that share kind, namespace and name. Grouped by construct, each said once.
 */
export function synthProblems(root: IConstruct, options: SynthCheckOptions): RefusedConstruct[] {
  const groups = new Map<IConstruct, Group>();
  const all = root.node.findAll();
  const kubernetesVersion = KubernetesVersion.of(root);
  recordedProblems(root, all, groups);
  const clashes = objectProblems(all, groups, options, kubernetesVersion);
  clashProblems(clashes, groups);
  // A rule shared by a construct and the construct it builds (a database user) is said once, by the outer one.
  for (const g of groups.values()) {
    const outer = ancestorProblems(g.scope, groups);
    for (let i = g.problems.length - 1; i >= 0; i--) if (outer.has(g.problems[i].problem)) g.problems.splice(i, 1);
  }
  return [...groups.values()].filter((g) => g.problems.length > 0).map((g) => ({
    path: g.scope.node.path || '(app)',
    label: g.label,
    location: userLocation(checkedRecord(g.scope)?.site),
    problems: g.problems,
  }));
}

/** The group of `scope`, made on first use (groups keep the order they were first used in). */
function groupOf(groups: Map<IConstruct, Group>, scope: IConstruct, label: string): Group {
  let g = groups.get(scope);
  if (!g) groups.set(scope, g = { scope, label, problems: [], seen: new Set() });
  return g;
}

/** Adds a problem to a group once. */
function addProblem(g: Group, p: PropProblem): void {
  const key = `${p.prop}\u0000${p.problem}`;
  if (g.seen.has(key)) return;
  g.seen.add(key);
  // One value refused for one reason in several props (requests and limits from one guaranteedResources) is one line.
  const same = g.problems.findIndex((q) => q.problem === p.problem && q.fix === p.fix && formatValue(q.value) === formatValue(p.value));
  if (same >= 0) g.problems[same] = { ...g.problems[same], prop: `${g.problems[same].prop}, ${p.prop}` };
  else g.problems.push(p);
}

/** The props each construct refused, and every other construct's own cdk8s validations. */
function recordedProblems(root: IConstruct, all: readonly IConstruct[], groups: Map<IConstruct, Group>): void {
  for (const c of all) {
    const record = checkedRecord(c);
    if (record) for (const p of record.problems) addProblem(groupOf(groups, c, record.label), p);
    if (c !== root) {
      for (const message of c.node.validate())
        addProblem(groupOf(groups, c, c.constructor.name), { prop: '(construct)', value: c.node.id, problem: message, fix: "see the construct's documentation" });
    }
  }
}

/** Objects of two constructs that share kind, namespace and name, by the pair of constructs. */
interface Clash { readonly obj: ApiObject; readonly first: ApiObject; readonly objects: string[] }

/** API-server findings on each object's final JSON; returns the objects that clash with an earlier one. */
function objectProblems(all: readonly IConstruct[], groups: Map<IConstruct, Group>, options: SynthCheckOptions, kubernetesVersion: string): Map<string, Clash> {
  const identities = new Map<string, ApiObject>();
  const clashes = new Map<string, Clash>();
  for (const obj of all) {
    if (!ApiObject.isApiObject(obj)) continue;
    const owner = checkedOwner(obj);
    if (owner && checkedRecord(owner)!.refused) continue;
    const g = owner ? groupOf(groups, owner, checkedRecord(owner)!.label) : groupOf(groups, obj, `${obj.kind} "${obj.name}"`);
    const identity = `${obj.apiGroup}/${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.name}`;
    const first = identities.get(identity);
    if (first) {
      const key = `${outermost(obj).node.path}\u0000${outermost(first).node.path}`;
      const clash = clashes.get(key) ?? { obj, first, objects: [] as string[] };
      clash.objects.push(`${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.name}`);
      clashes.set(key, clash);
    } else identities.set(identity, obj);
    if (!owner && !options.allObjects) continue;
    validateJson(obj, g, groups, options, kubernetesVersion);
  }
  return clashes;
}

/** The API-server findings on one object, named by prop where the construct mapped the field. */
function validateJson(obj: ApiObject, g: Group, groups: Map<IConstruct, Group>, options: SynthCheckOptions, kubernetesVersion: string): void {
  let json: unknown;
  try {
    json = options.jsonOf(obj);
  } catch (e) {
    addProblem(g, {
      prop: `${obj.kind} ${obj.name}`,
      value: obj.node.path,
      problem: `cannot be serialized: ${(e as Error).message}`,
      fix: 'check the escape-hatch patches and values given to this object',
    });
    return;
  }
  const propsWithProblems = new Set(g.problems.flatMap((p) => p.prop.split(', ')));
  // Where the construct did not say which prop made a field, a finding on a construct that already has
  // problems is most likely their consequence (a Secret name left empty, then the env that names it).
  const unmappedAreConsequences = propsWithProblems.size > 0;
  const reportedValues = reportedStrings(obj, groups);
  for (const finding of validateObject(json, { kubernetesVersion })) {
    const prop = propOfField(obj, finding.field);
    if (prop ? covered(prop, propsWithProblems) : unmappedAreConsequences) continue;
    const value = valueAtPath(json, finding.field);
    // A value derived from one already refused (`<name>-mysql-headless` from a too-long name) is that problem again.
    if (typeof value === 'string' && reportedValues.some((v) => value.includes(v))) continue;
    addProblem(g, { prop: prop ?? `${obj.kind} ${finding.field}`, value, problem: finding.problem, fix: finding.fix });
  }
}

/** Two constructs that render the same objects are one mistake, said once on the later one. */
function clashProblems(clashes: ReadonlyMap<string, Clash>, groups: Map<IConstruct, Group>): void {
  for (const { obj, first, objects } of clashes.values()) {
    const outer = outermost(obj);
    const record = checkedRecord(outer);
    const g = record ? groupOf(groups, outer, record.label) : groupOf(groups, obj, `${obj.kind} "${obj.name}"`);
    const shown = objects.length > 3 ? `${objects.slice(0, 3).join(', ')} and ${objects.length - 3} more` : objects.join(', ');
    addProblem(g, {
      prop: record ? 'name' : `${obj.kind} metadata.name`,
      value: record?.name ?? obj.name,
      problem: `renders ${shown}, which ${outermost(first).node.path} also renders; applied together, one silently overwrites the other`,
      fix: 'give one of them another name or namespace',
    });
  }
}

/** Whether `prop`, or a prop it is part of (`preStop` for `preStop.sleep`), already has a problem. */
function covered(prop: string, props: ReadonlySet<string>): boolean {
  for (let p = prop; p; p = p.replace(/(\.[^.]*|\[[^\]]*\])$/, '')) {
    if (props.has(p)) return true;
    if (!/[.[]/.test(p)) break;
  }
  return false;
}

/** The outermost of the project's constructs that contains `scope` (the one the user built), else `scope`. */
function outermost(scope: IConstruct): IConstruct {
  let found = scope;
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) if (checkedRecord(c)) found = c;
  return found;
}

/** The problem texts reported on the constructs above `scope`. */
function ancestorProblems(scope: IConstruct, groups: ReadonlyMap<IConstruct, Group>): Set<string> {
  const texts = new Set<string>();
  for (let c = scope.node.scope; c; c = c.node.scope) for (const p of groups.get(c)?.problems ?? []) texts.add(p.problem);
  return texts;
}

/** The string values already refused on the constructs at and above `scope`. */
function reportedStrings(scope: IConstruct, groups: ReadonlyMap<IConstruct, Group>): string[] {
  const values: string[] = [];
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    for (const p of groups.get(c)?.problems ?? []) if (typeof p.value === 'string' && p.value.length >= 3) values.push(p.value);
  }
  return values;
}

const INSTALLED = new WeakSet<IConstruct>();

/**
 * Makes the app's synth (cdk8s runs the validations of the whole tree before writing anything) run the
 * check once, on the root, and throw one ConfigurationError with every problem. Works under a plain
 * cdk8s App and under `Testing.app()`.
 */
export function installSynthCheck(scope: IConstruct): void {
  const root = scope.node.root;
  if (INSTALLED.has(root)) return;
  INSTALLED.add(root);
  root.node.addValidation({
    validate: () => {
      const flags = root as unknown as Record<symbol, boolean | undefined>;
      if (flags[CHECK_DONE]) return [];
      const refused = synthProblems(root, { allObjects: Boolean(flags[CHECK_ALL_OBJECTS]), jsonOf: (o) => o.toJson() });
      if (refused.length > 0) throw new ConfigurationError(refused);
      return [];
    },
  });
}
