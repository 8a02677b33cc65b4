import * as jsYaml from 'js-yaml';

/**
 * Plain (unquoted) YAML scalars typed as the cluster reads them. kubectl and the API server turn YAML
 * into JSON through sigs.k8s.io/yaml, which decodes with go-yaml v2: YAML 1.1 booleans (`yes`, `on`,
 * `y`, …), leading-zero octal (`0644` is 420), underscores in numbers (`1_000`), `0x`/`0o`/`0b`
 * prefixes; timestamps (`2024-01-01`) and base-60 numbers (`1:20`) stay strings. YAML 1.2's core
 * schema, js-yaml's default, reads `yes` as a string and `0644` as 644, so the audit would see other
 * values than the cluster does.
 */

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS = new Map<string, number>([
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, number] => [s, Infinity]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, number] => [s, -Infinity]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, number] => [s, NaN]),
]);

/** Digits and signs start numbers; go-yaml leaves any other plain scalar to its table of words. */
function startsNumber(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
}

/** An integer as go-yaml reads it (underscores dropped, then Go's base prefixes), or undefined. */
function integer(data: string): number | undefined {
  if (!startsNumber(data)) return undefined;
  const plain = data.indexOf('_') < 0 ? data : data.replace(/_/g, '');
  const m = /^([-+]?)(?:0([xX])([0-9a-fA-F]+)|0([bB])([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/.exec(plain);
  if (!m) return undefined;
  const value = m[2] ? parseInt(m[3], 16) : m[4] ? parseInt(m[5], 2) : m[6] !== undefined ? parseInt(m[6], 8) : parseInt(m[7], 10);
  return m[1] === '-' && value !== 0 ? -value : value;
}

/** A float as go-yaml reads it, or undefined; `.5` takes Go's own float syntax, which has no underscores. */
function float(data: string): number | undefined {
  const special = SPECIAL_FLOATS.get(data);
  if (special !== undefined) return special;
  if (data.charCodeAt(0) === 0x2e) return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(data) ? parseFloat(data) : undefined;
  if (!startsNumber(data)) return undefined;
  const plain = data.indexOf('_') < 0 ? data : data.replace(/_/g, '');
  return /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain) ? parseFloat(plain) : undefined;
}

const JS_YAML_TYPES = (jsYaml as unknown as { types: Record<'null' | 'merge', jsYaml.Type> }).types;

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * A plain scalar's value in one pass, as the types below give it, tried in the same order (null, bool,
 * int, float; `<<` is left to js-yaml): the fast reader's hot path, held to js-yaml by the tests.
 */
export function typePlain(data: string): unknown {
  if (NULLS.has(data)) return null;
  if (TRUE.has(data)) return true;
  if (FALSE.has(data)) return false;
  const int = integer(data);
  if (int !== undefined) return int;
  const real = float(data);
  return real === undefined ? data : real;
}

const BOOL = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (TRUE.has(data) || FALSE.has(data)),
  construct: (data: string) => TRUE.has(data),
});

const INT = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && integer(data) !== undefined,
  construct: (data: string) => integer(data),
});

const FLOAT = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && float(data) !== undefined,
  construct: (data: string) => float(data),
});

/** The plain-scalar types, in the order they are tried: null, bool, int, float, merge key (`<<`). */
const PLAIN_SCALAR_TYPES: readonly jsYaml.Type[] = Object.freeze([JS_YAML_TYPES.null, BOOL, INT, FLOAT, JS_YAML_TYPES.merge]);

/** The schema manifests are read with: strings, sequences, mappings and the plain-scalar types above. */
export const MANIFEST_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [...PLAIN_SCALAR_TYPES] });
