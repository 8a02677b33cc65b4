/**
 * metav1.LabelSelector over plain data, matched as apimachinery's LabelSelectorAsSelector does: a
 * missing (null) selector selects nothing; an empty one (`{}`) selects everything; every matchLabels
 * entry and every expression must hold; an unknown operator holds for no pod.
 */
import { asList, asObject, asString, asStringMap, objectsOf } from './json';

/** A Kubernetes label selector as plain data: matchLabels and matchExpressions. */
export interface LabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] }>;
}

/**
 * Labels a pod may carry beyond those written in its template (a controller adds them), each with its
 * possible values (undefined: any value).
 */
export type PossibleLabels = ReadonlyMap<string, ReadonlySet<string> | undefined>;

/** A selector read type-safely from a manifest (wrongly typed parts are dropped), or undefined when it is missing. */
export function labelSelectorOf(value: unknown): LabelSelector | undefined {
  const object = asObject(value);
  if (!object) return undefined;
  const matchExpressions = objectsOf(object.matchExpressions).map(({ item }) => ({
    key: asString(item.key) ?? '',
    operator: asString(item.operator) ?? '',
    values: (asList(item.values) ?? []).filter((v): v is string => typeof v === 'string'),
  }));
  // A wrongly typed matchLabels entry stays a requirement that no pod meets: dropping it could leave
  // an empty selector, which selects everything.
  const labels = asObject(object.matchLabels) ?? {};
  for (const key of Object.keys(labels)) if (typeof labels[key] !== 'string') matchExpressions.push({ key, operator: '', values: [] });
  return { matchLabels: asStringMap(labels), matchExpressions };
}

/** Whether a selector has no requirement at all (and so selects everything). */
export function selectsEverything(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** True when the pod's label `key` may have one of `values`. */
function labelIn(labels: Record<string, string>, key: string, values: readonly string[], possible: PossibleLabels | undefined): boolean {
  if (possible?.has(key) && !Object.prototype.hasOwnProperty.call(labels, key)) {
    const any = possible.get(key);
    return any === undefined || values.some((v) => any.has(v));
  }
  return values.includes(labels[key]);
}

/**
 * True when a pod with these labels is selected. `possible` are labels a controller adds to the pods it
 * creates: a pod may match on them too.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined, possible?: PossibleLabels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const has = (key: string) => Object.prototype.hasOwnProperty.call(l, key) || possible?.has(key) === true;
  const matchLabels = selector.matchLabels ?? {};
  for (const key in matchLabels) {
    if (!has(key) || !labelIn(l, key, [matchLabels[key]], possible)) return false;
  }
  return (selector.matchExpressions ?? []).every((e) => {
    switch (e.operator) {
      case 'In': return has(e.key) && labelIn(l, e.key, e.values ?? [], possible);
      // A label of any value may hold some value outside the list.
      case 'NotIn': return !has(e.key) || !labelIn(l, e.key, e.values ?? [], possible) || (possible?.has(e.key) === true && possible.get(e.key) === undefined);
      case 'Exists': return has(e.key);
      case 'DoesNotExist': return !has(e.key);
      default: return false;
    }
  });
}
