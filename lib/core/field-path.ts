/**
 * Splits a Kubernetes field path as field.Path prints it (`spec.containers[0].ports[1].name`,
 * `metadata.labels[app.kubernetes.io/name]`) into its steps. A bracket holds an index or a map key,
 * which may itself contain dots.
 */
export function fieldSteps(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  const pattern = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) steps.push(match[1]);
    else steps.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
  }
  return steps;
}

/** The value at a Kubernetes field path inside a plain object, or undefined. */
export function fieldValue(source: unknown, path: string): unknown {
  let value = source;
  for (const step of fieldSteps(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}
