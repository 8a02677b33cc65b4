/**
 * Type-safe reads of manifest fields. A value of the wrong type reads as absent, so that no rule
 * crashes or computes with it (a string `replicas` must never be added to a number); the
 * `invalid-field` rule is where a wrong type is reported.
 */

/** A YAML mapping as plain data. */
export type Fields = Readonly<Record<string, unknown>>;

/** Whether the value is a mapping (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a mapping. */
export function asObject(value: unknown): Fields | undefined {
  return isObject(value) ? value : undefined;
}

/** The value when it is a list. */
export function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The mappings of a list, each with its index in the list (other elements are skipped). */
export function objectsOf(value: unknown): Array<{ item: Fields; index: number }> {
  const list = asList(value) ?? [];
  const out: Array<{ item: Fields; index: number }> = [];
  for (let index = 0; index < list.length; index++) {
    const item = asObject(list[index]);
    if (item) out.push({ item, index });
  }
  return out;
}

/** The value when it is a string. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a whole number (`3`, not `"3"` or `3.5`). */
export function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The value when it is a non-negative whole number or a percentage string such as `'25%'` (IntOrString as the controllers accept it). */
export function asIntOrPercent(value: unknown): number | string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  return typeof value === 'string' && /^\d+%$/.test(value) ? value : undefined;
}

/** A port reference (IntOrString): a whole number or a name. */
export function asPort(value: unknown): number | string | undefined {
  return asInt(value) ?? asString(value);
}

/** A string-to-string map such as labels or a selector; entries with other values are dropped. */
export function asStringMap(value: unknown): Readonly<Record<string, string>> {
  const object = asObject(value);
  if (!object) return {};
  let clean = true;
  for (const key in object) if (typeof object[key] !== 'string') { clean = false; break; }
  if (clean) return object as Record<string, string>;
  const out: Record<string, string> = {};
  for (const key in object) if (typeof object[key] === 'string') out[key] = object[key] as string;
  return out;
}

/** The value at a path of keys and indexes, or undefined as soon as a step is missing or of the wrong type. */
export function at(value: unknown, ...path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') current = asList(current)?.[step];
    else current = asObject(current)?.[step];
    if (current === undefined) return undefined;
  }
  return current;
}
