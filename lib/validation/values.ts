/**
 * Readers for the JSON types of a manifest. Each returns the value when it has the expected type,
 * and otherwise records a finding and returns undefined, so a wrong type is reported and never
 * crashes the validators that follow. `null` means "not set", as it does for the API server.
 */
import { isObject } from '../grammar/json';
import { Findings, report, show, typeName } from './finding-list';

/** A JSON object. */
export type Json = Record<string, unknown>;


/** The last segment of a field path, to name the field for people. */
function lastSegment(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}

/** An object field; a finding when set to anything but an object. */
export function readRecord(out: Findings, value: unknown, field: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (isObject(value)) return value;
  report(out, field, `${lastSegment(field)} is ${typeName(value)} (${show(value)}), not an object`,
    `write ${lastSegment(field)} as a mapping of fields`);
  return undefined;
}

/** A list field; a finding when set to anything but a list. */
export function readList(out: Findings, value: unknown, field: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  report(out, field, `${lastSegment(field)} is ${typeName(value)} (${show(value)}), not a list`,
    `write ${lastSegment(field)} as a list (YAML '- item' entries)`);
  return undefined;
}

/** A string field; a finding when set to anything but a string. */
export function readString(out: Findings, value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  report(out, field, `${lastSegment(field)} ${show(value)} is ${typeName(value)}, not a string`,
    `quote the value: ${lastSegment(field)}: "${typeof value === 'number' || typeof value === 'boolean' ? String(value) : '...'}"`);
  return undefined;
}

/** A boolean field; a finding when set to anything but true or false. */
export function readBoolean(out: Findings, value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  report(out, field, `${lastSegment(field)} ${show(value)} is ${typeName(value)}, not true or false`,
    `write ${lastSegment(field)}: true or ${lastSegment(field)}: false, unquoted`);
  return undefined;
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/**
 * A whole-number field in [min, max] (int32 unless `max` is given); a finding for another type, a
 * fraction, or a value out of range. Returns the number when it has the right type, even if out of
 * range, so that relations between fields can still be checked.
 */
export function readInt(out: Findings, value: unknown, field: string, min = INT32_MIN, max = INT32_MAX, example?: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    const name = lastSegment(field);
    const asNumber = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
    report(out, field, `${name} ${show(value)} is ${typeName(value)}, not a whole number`,
      `write ${name} as an unquoted whole number, e.g. ${name}: ${asNumber ?? example ?? Math.max(min, 0)}`);
    return undefined;
  }
  if (value < min || value > max) {
    const name = lastSegment(field);
    const range = max === INT32_MAX ? `at least ${min}` : `between ${min} and ${max}`;
    report(out, field, `${name} ${value} is out of range: it must be ${range}`,
      `set ${name} ${max === INT32_MAX ? 'to ' : ''}${range}, e.g. ${name}: ${example ?? (value < min ? min : max)}`);
  }
  return value;
}

/** An int-or-string field (a port number or name, a count or a percentage). */
export function readIntOrString(out: Findings, value: unknown, field: string): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const name = lastSegment(field);
  report(out, field, `${name} ${show(value)} is ${typeName(value)}, not a whole number or a string`,
    `write ${name} as a whole number (e.g. 1) or a string (e.g. "25%" or "http")`);
  return undefined;
}
