import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PropProblem } from './prop-problem';
import { CallSite, captureCallSite } from './source-location';

/** What the synth-time check knows about one of the project's constructs. */
export interface CheckedConstruct {
  /** How the construct is named in the report, e.g. `ZeroDowntimeDeployment "api"`. */
  readonly label: string;
  /** Its `name` prop, when it has one. */
  readonly name?: string;
  /** Its prop problems, reported at synth together with every other construct's. */
  readonly problems: PropProblem[];
  /** True when its props were malformed, so it rendered nothing. */
  refused: boolean;
  /** Where it was constructed, for the user's source location. */
  readonly site: CallSite;
}

const CHECKED = new WeakMap<IConstruct, CheckedConstruct>();
/** Per object, the field-to-prop maps, built only when a finding asks (most objects never have one). */
const FIELD_PROPS = new WeakMap<ApiObject, Array<() => Readonly<Record<string, string>>>>();

/** Registers a construct with the synth-time check (once; later calls return the same record). */
export function registerChecked(scope: IConstruct, label: string, name?: string): CheckedConstruct {
  let record = CHECKED.get(scope);
  if (!record) {
    record = { label, name, problems: [], refused: false, site: captureCallSite() };
    CHECKED.set(scope, record);
  }
  return record;
}

/** The record of a registered construct. */
export function checkedRecord(scope: IConstruct): CheckedConstruct | undefined {
  return CHECKED.get(scope);
}

/** The nearest registered construct at or above `scope`. */
export function checkedOwner(scope: IConstruct): IConstruct | undefined {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    if (CHECKED.has(c)) return c;
  }
  return undefined;
}

/**
 * Records which prop produced which field of an object the construct rendered (`spec.replicas` →
 * `replicas`), so API-server findings on the object name the prop. Prefixes match: `metadata.labels`
 * covers `metadata.labels[tier]`; the longest matching prefix wins.
 */
export function mapFieldsToProps(obj: ApiObject, fields: () => Readonly<Record<string, string>>): void {
  const maps = FIELD_PROPS.get(obj);
  if (maps) maps.push(fields);
  else FIELD_PROPS.set(obj, [fields]);
}

/** The prop that produced `field` of `obj`, when its construct said so. */
export function propOfField(obj: ApiObject, field: string): string | undefined {
  const entries = (FIELD_PROPS.get(obj) ?? []).flatMap((fields) => Object.entries(fields())).sort((a, b) => b[0].length - a[0].length);
  for (const [prefix, prop] of entries) {
    // Map keys in brackets read as props (`resources.limits[memory]` → `resources.limits.memory`); indexes stay.
    if (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`))
      return prop + field.slice(prefix.length).replace(/\[([^\]]*[^\d\]][^\]]*|)\]/g, '.$1');
  }
  return undefined;
}

