/**
 * Field paths written and read like k8s.io/apimachinery/pkg/util/validation/field.Path:
 * `spec.template.spec.containers[0].ports[1].name`, `metadata.labels[app.kubernetes.io/name]`.
 */

/** `parent.name`, or `name` at the root. */
export function child(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

// Index suffixes for short lists, built once: most lists in a manifest have a few entries.
const INDEX_SUFFIXES = Array.from({ length: 32 }, (_, i) => `[${i}]`);

/** `parent[index]`. */
export function index(parent: string, i: number): string {
  return parent + (i < 32 ? INDEX_SUFFIXES[i] : `[${i}]`);
}

/** `parent[key]`: map keys are written unquoted, as field.Path.Key does. */
export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}

/**
 * A field path's steps: `a.b[0].c` gives a, b, 0, c; a bracket holds an index or a map key, which may
 * contain dots (`labels[app.kubernetes.io/name]`) or be quoted (`["x/y"]`). A `[*]` wildcard ends the
 * path there; a path with white space is not a field path and gives no steps.
 */
export function fieldPathSteps(field: string): Array<string | number> {
  const steps: Array<string | number> = [];
  const re = /([^.[\]\s]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[([^\]]*)\]|(\.)|(\s)/gy;
  let match: RegExpExecArray | null;
  while ((match = re.exec(field)) !== null) {
    if (match[6] !== undefined) return [];
    if (match[5] !== undefined) continue;
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else if (match[3] !== undefined) steps.push(match[3].replace(/\\(.)/g, '$1'));
    else if (match[4] === '*') break;
    else steps.push(match[4]);
  }
  return steps;
}

/** The value at a field path inside plain data, or undefined when the path leaves it. */
export function valueAtPath(source: unknown, path: string): unknown {
  let value = source;
  for (const step of fieldPathSteps(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}
