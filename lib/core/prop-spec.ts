import { didYouMean } from '../grammar/did-you-mean';
import { PropProblem } from './prop-problem';

/**
 * Runtime prop checks for what TypeScript cannot enforce: `cdk8s synth` transpiles without type-checking,
 * JavaScript and JSON callers have no types at all, and an optional prop spelled wrong is silently
 * ignored. Each construct keeps a declarative spec next to its props interface (`PropSpec<Props>` makes
 * the compiler insist that the spec names every prop) and one function checks props against it.
 */

/** The JavaScript shape a value has, used to pick among the alternatives of a union. */
type Shape = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'instance' | 'any';

/** The expected type of one prop value. */
export interface ValueType {
  /** How the type reads in a message, e.g. `a number` or `one of 'ClusterIP', 'NodePort'`. */
  readonly description: string;
  /** @internal */
  readonly shape: Shape;
  /** The problems of `value` at prop path `prop`; empty when it fits. */
  check(value: unknown, prop: string): PropProblem[];
}

/** One prop of a spec: its type, whether it is required, and an example for the fix. */
export interface PropField {
  readonly type: ValueType;
  readonly required: boolean;
  /** Shown in the fix when the prop is missing or mistyped, e.g. `'nginx:1.27.3'`. */
  readonly example?: string;
}

/** A spec for every prop of `P`: the compiler refuses a spec that misses a prop or names one that does not exist. */
export type PropSpec<P> = { readonly [K in keyof P]-?: PropField };

/** A required prop. */
export function required(type: ValueType, example?: string): PropField {
  return { type, required: true, example };
}

/** An optional prop (undefined means "use the default"). */
export function optional(type: ValueType, example?: string): PropField {
  return { type, required: false, example };
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null ? 'object' : 'instance';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? typeof value as Shape : 'any';
}

/** How a wrongly typed value reads: `the string "90"`, `null`, `an array`. */
function what(value: unknown): string {
  const shape = shapeOf(value);
  if (value === null) return 'null';
  if (shape === 'string') return 'a string';
  if (shape === 'number') return Number.isNaN(value) ? 'NaN' : 'a number';
  if (shape === 'boolean') return 'a boolean';
  if (shape === 'array') return 'an array';
  if (shape === 'object') return 'a plain object';
  if (shape === 'instance') return `a ${(value as object).constructor?.name ?? 'class instance'}`;
  return typeof value === 'function' ? 'a function' : `${typeof value}`;
}

function mismatch(type: ValueType, value: unknown, prop: string, example?: string): PropProblem {
  const fix = typeof value === 'string' && type.shape === 'number' && value.trim() !== '' && Number.isFinite(Number(value))
    ? `write ${Number(value)} without quotes`
    : typeof value === 'string' && type.shape === 'boolean' && (value === 'true' || value === 'false')
      ? `write ${value} without quotes`
      : example ? `use ${example}` : `use ${type.description}`;
  return { prop, value, problem: `must be ${type.description}, not ${what(value)}`, fix };
}

function primitive(shape: 'string' | 'number' | 'boolean', description: string): ValueType {
  const type: ValueType = {
    description,
    shape,
    check: (value, prop) => (typeof value === shape && !(shape === 'number' && !Number.isFinite(value)) ? [] : [mismatch(type, value, prop)]),
  };
  return type;
}

/** The value types of prop specs. */
export const T = {
  /** Any string. */
  string: (): ValueType => primitive('string', 'a string'),
  /** A finite number (ranges and whole-number rules are the constructs' own checks). */
  number: (): ValueType => primitive('number', 'a number'),
  /** true or false. */
  boolean: (): ValueType => primitive('boolean', 'true or false'),
  /** Any value: the construct checks it itself. */
  any: (): ValueType => ({ description: 'any value', shape: 'any', check: () => [] }),

  /** A string that is never shown in a message (passwords). */
  secret: (): ValueType => {
    const type: ValueType = {
      description: 'a string',
      shape: 'string',
      check: (value, prop) => (typeof value === 'string' ? [] : [{ ...mismatch(type, value, prop), value: '(redacted)' }]),
    };
    return type;
  },

  /** One of a string union's members; a near miss (`'Nodeport'`) names the member that was meant. */
  oneOf: (...values: readonly string[]): ValueType => {
    const list = values.map((v) => `'${v}'`).join(', ');
    const type: ValueType = {
      description: `one of ${list}`,
      shape: 'string',
      check: (value, prop) => {
        if (typeof value === 'string' && values.includes(value)) return [];
        const meant = typeof value === 'string' ? didYouMean(value, values) : undefined;
        return [{ prop, value, problem: `must be one of ${list}`, fix: meant ? `use '${meant}'` : `use one of ${list}` }];
      },
    };
    return type;
  },

  /**
   * An instance of a union-like class (Probe, PreStop, HttpsIngress); a plain object that looks like one is
   * refused with how to build it. `problemsOf` reports what was wrong with the factory's arguments.
   */
  instanceOf: <C>(cls: { readonly prototype: C }, name: string, howToBuild: string, problemsOf?: (instance: C, prop: string) => PropProblem[]): ValueType => ({
    description: `a ${name}`,
    shape: 'instance',
    // `instanceof` for classes whose constructors are private (the factories build them).
    check: (value, prop) => (Object.prototype.isPrototypeOf.call(cls.prototype, value as object) ? problemsOf?.(value as C, prop) ?? [] : [{
      prop, value, problem: `must be a ${name} built by its factory methods, not ${what(value)}`, fix: `build it with ${howToBuild}`,
    }]),
  }),

  /** A plain object with these props; unknown keys are refused with the prop that was probably meant. */
  shape: (typeName: string, fields: Readonly<Record<string, PropField>>): ValueType => {
    const known = Object.keys(fields);
    const type: ValueType = {
      description: `a ${typeName} object`,
      shape: 'object',
      check: (value, prop) => {
        const shape = shapeOf(value);
        if (shape !== 'object' && shape !== 'instance') return [mismatch(type, value, prop, `{ ${known.filter((k) => fields[k].required).map((k) => `${k}: …`).join(', ')} }`)];
        const record = value as Record<string, unknown>;
        const problems: PropProblem[] = [];
        for (const key of Object.keys(record)) {
          if (fields[key] || record[key] === undefined) continue;
          const meant = didYouMean(key, known);
          problems.push({
            prop: join(prop, key),
            value: record[key],
            problem: `is not a prop of ${typeName}, so it would be ignored`,
            fix: meant ? `rename it to ${meant}` : `remove it (${typeName} has ${known.join(', ')})`,
          });
        }
        for (const [key, field] of Object.entries(fields)) {
          const v = record[key];
          if (v === undefined) {
            if (field.required)
              problems.push({
                prop: join(prop, key),
                value: undefined,
                problem: 'is required',
                fix: field.example ? `set it, e.g. ${key}: ${field.example}` : `set it to ${field.type.description}`,
              });
            continue;
          }
          const found = field.type.check(v, join(prop, key));
          problems.push(
            ...(field.example
              ? found.map((f) => (f.fix.startsWith('use ') && f.problem.startsWith('must be ') && !f.problem.includes('one of') ? { ...f, fix: `use ${field.example}` } : f))
              : found),
          );
        }
        return problems;
      },
    };
    return type;
  },

  /** A plain object whose values all have one type (labels, env). */
  record: (valueType: ValueType): ValueType => {
    const type: ValueType = {
      description: `an object of ${valueType.description} values`,
      shape: 'object',
      check: (value, prop) => {
        if (shapeOf(value) !== 'object') return [mismatch(type, value, prop)];
        return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (v === undefined ? [] : valueType.check(v, join(prop, k))));
      },
    };
    return type;
  },

  /** An array whose items all have one type. */
  array: (itemType: ValueType): ValueType => {
    const type: ValueType = {
      description: `an array of ${itemType.description} items`,
      shape: 'array',
      check: (value, prop) => (Array.isArray(value)
        ? value.flatMap((v, i) => itemType.check(v, `${prop}[${i}]`))
        : [mismatch(type, value, prop)]),
    };
    return type;
  },

  /** One of several types; the problems reported are those of the closest alternative. */
  union: (...alternatives: readonly ValueType[]): ValueType => {
    const description = alternatives.map((a) => a.description).join(' or ');
    const type: ValueType = {
      description,
      shape: 'any',
      check: (value, prop) => {
        const shape = shapeOf(value);
        const candidates = alternatives.filter((a) => a.shape === shape || a.shape === 'any' || (a.shape === 'object' && shape === 'instance'));
        if (candidates.length === 0) return [mismatch(type, value, prop)];
        let best: PropProblem[] | undefined;
        for (const candidate of candidates) {
          const problems = candidate.check(value, prop);
          if (problems.length === 0) return [];
          if (!best || problems.length < best.length) best = problems;
        }
        return best!;
      },
    };
    return type;
  },
};

/**
 * Checks `props` against a spec: wrong types, unknown keys (with a suggestion), missing required props.
 * Never throws, whatever `props` is.
 */
export function checkProps(props: unknown, typeName: string, spec: Readonly<Record<string, PropField>>): PropProblem[] {
  if (props === undefined || props === null || typeof props !== 'object' || Array.isArray(props)) {
    const requiredKeys = Object.keys(spec).filter((k) => spec[k].required);
    return [{ prop: '(props)', value: props, problem: `must be a ${typeName} object, not ${what(props)}`, fix: `pass { ${requiredKeys.map((k) => `${k}: …`).join(', ')} }` }];
  }
  let shape = SHAPES.get(spec);
  if (!shape) SHAPES.set(spec, shape = T.shape(typeName, spec));
  return shape.check(props, '');
}

const SHAPES = new WeakMap<object, ValueType>();
