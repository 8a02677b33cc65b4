/**
 * Field paths written like k8s.io/apimachinery/pkg/util/validation/field.Path:
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
