/**
 * ObjectMeta, labels, annotations and label selectors: k8s.io/apimachinery
 * pkg/api/validation/objectmeta.go and pkg/apis/meta/v1/validation/validation.go.
 */
import { Findings, findings, report, show, typeName } from './finding-list';
import { checkFormat, DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, NameFormat, QUALIFIED_NAME } from './names';
import { child, index, key } from '../grammar/field-path';
import { Json, readList, readRecord, readString } from './values';

// objectmeta.go TotalAnnotationSizeLimitB: 256 KiB over all keys and values.
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/** Checks a map of label keys to values; returns the labels when the map is well typed. */
export function checkLabels(out: Findings, value: unknown, field: string): Json | undefined {
  const labels = readRecord(out, value, field);
  if (!labels) return undefined;
  // meta/v1/validation ValidateLabels: every key IsQualifiedName, every value IsValidLabelValue.
  for (const k in labels) {
    checkFormat(out, k, key(field, k), QUALIFIED_NAME, 'label key');
    const v = labels[k];
    if (typeof v === 'string') {
      checkFormat(out, v, key(field, k), LABEL_VALUE, 'label value');
    } else {
      report(out, key(field, k), `label value ${show(v)} is ${typeName(v)}, not a string`,
        `quote the value, e.g. ${k}: "${typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'value'}"`);
    }
  }
  return labels;
}

/** Findings for a map of labels (`field` is where the map sits, e.g. `metadata.labels`). */
export function validateLabels(labels: unknown, field = 'metadata.labels'): Findings {
  return findings((out) => checkLabels(out, labels, field));
}

/** Checks annotations: keys, string values and their total size. */
export function checkAnnotations(out: Findings, value: unknown, field: string): void {
  const annotations = readRecord(out, value, field);
  if (!annotations) return;
  // objectmeta.go ValidateAnnotationsSize: the sum of len(key)+len(value) in bytes.
  let size = 0;
  for (const k in annotations) {
    // objectmeta.go ValidateAnnotations: IsQualifiedName of the lowercased key (case does not matter).
    checkFormat(out, k.toLowerCase(), key(field, k), QUALIFIED_NAME, 'annotation key');
    const v = annotations[k];
    if (typeof v !== 'string') {
      report(out, key(field, k), `annotation value ${show(v)} is ${typeName(v)}, not a string`,
        `quote the value, e.g. ${k}: "${typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'value'}"`);
      continue;
    }
    size += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    report(out, field, `annotations total ${size} bytes, more than the API server's limit of ${TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes (256 KiB)`,
      'move large content into a ConfigMap and keep annotations short');
  }
}

/** Findings for a map of annotations. */
export function validateAnnotations(annotations: unknown, field = 'metadata.annotations'): Findings {
  return findings((out) => checkAnnotations(out, annotations, field));
}

/** How an object's name is checked. */
export interface NameRule {
  /** The format the name must have. */
  readonly format: NameFormat;
  /** A length limit below the format's, when a controller derives longer names from this one. */
  readonly maxLength?: number;
  /** Why `maxLength` applies (cited upstream rule). */
  readonly maxLengthReason?: string;
}

// generic.go maskTrailingDash: a generateName may end in '-' (a suffix is appended).
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** Checks `metadata`: name (or generateName) per `rule`, namespace, labels, annotations, finalizers. */
export function checkObjectMeta(out: Findings, value: unknown, field: string, rule: NameRule): Json | undefined {
  if (value === undefined || value === null) {
    report(out, field, 'metadata is missing, so the object has no name', 'add metadata.name, e.g. metadata: { name: my-app }');
    return undefined;
  }
  const meta = readRecord(out, value, field);
  if (!meta) return undefined;
  // objectmeta.go ValidateObjectMetaAccessor: name required unless generateName; both checked by the kind's name function.
  const name = readString(out, meta.name, child(field, 'name'));
  const generateName = readString(out, meta.generateName, child(field, 'generateName'));
  if (generateName) {
    if (!rule.format.test(maskTrailingDash(generateName))) checkFormat(out, generateName, child(field, 'generateName'), rule.format, 'generateName');
  }
  const nameMissing = meta.name === undefined || meta.name === null || meta.name === '';
  if (nameMissing) {
    if (!generateName) report(out, child(field, 'name'), 'name is missing or empty', 'set metadata.name, e.g. name: my-app');
  } else if (name === undefined) {
    // wrong type, reported by readString
  } else if (!rule.format.test(name)) {
    checkFormat(out, name, child(field, 'name'), rule.format, 'name');
  } else if (rule.maxLength !== undefined && name.length > rule.maxLength) {
    report(out, child(field, 'name'), `name ${show(name)} is ${name.length} characters long, more than ${rule.maxLength}: ${rule.maxLengthReason}`,
      `shorten the name to at most ${rule.maxLength} characters, e.g. ${JSON.stringify(name.slice(0, rule.maxLength).replace(/[^a-z0-9]+$/, ''))}`);
  }
  // objectmeta.go: namespace is ValidateNamespaceName, a DNS-1123 label.
  const namespace = readString(out, meta.namespace, child(field, 'namespace'));
  if (namespace !== undefined && namespace !== '' && !DNS1123_LABEL.test(namespace)) {
    checkFormat(out, namespace, child(field, 'namespace'), DNS1123_LABEL, 'namespace');
  }
  checkLabels(out, meta.labels, child(field, 'labels'));
  checkAnnotations(out, meta.annotations, child(field, 'annotations'));
  // objectmeta.go ValidateFinalizers: each finalizer IsQualifiedName.
  const finalizers = readList(out, meta.finalizers, child(field, 'finalizers'));
  if (finalizers) {
    for (let i = 0; i < finalizers.length; i++) {
      const f = finalizers[i];
      checkFormat(out, f, index(child(field, 'finalizers'), i), QUALIFIED_NAME, 'finalizer');
    }
  }
  return meta;
}

/** The default name rule: most kinds' names are DNS-1123 subdomains. */
export const SUBDOMAIN_NAME: NameRule = { format: DNS1123_SUBDOMAIN };

/** Findings for an object's metadata, with the name checked as `rule` says (a DNS-1123 subdomain by default). */
export function validateObjectMeta(metadata: unknown, rule: NameRule = SUBDOMAIN_NAME, field = 'metadata'): Findings {
  return findings((out) => checkObjectMeta(out, metadata, field, rule));
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Checks a metav1.LabelSelector (meta/v1/validation ValidateLabelSelector); returns its
 * matchLabels when well typed, and whether it has any requirement at all.
 */
export function checkLabelSelector(out: Findings, value: unknown, field: string): { matchLabels?: Json; empty: boolean } | undefined {
  const selector = readRecord(out, value, field);
  if (!selector) return undefined;
  const matchLabels = checkLabels(out, selector.matchLabels, child(field, 'matchLabels'));
  const exprPath = child(field, 'matchExpressions');
  const expressions = readList(out, selector.matchExpressions, exprPath);
  let count = matchLabels ? Object.keys(matchLabels).length : 0;
  if (expressions) {
    count += expressions.length;
    for (let i = 0; i < expressions.length; i++) {
      const path = index(exprPath, i);
      const expr = readRecord(out, expressions[i], path);
      if (!expr) continue;
      checkFormat(out, expr.key, child(path, 'key'), QUALIFIED_NAME, 'selector key');
      const values = readList(out, expr.values, child(path, 'values'));
      const operator = expr.operator;
      // ValidateLabelSelectorRequirement: In/NotIn need values, Exists/DoesNotExist forbid them, nothing else is an operator.
      if (operator === 'In' || operator === 'NotIn') {
        if (!values || values.length === 0) {
          report(out, child(path, 'values'), `operator ${operator} has no values, so it can never match`,
            `list the values to match, e.g. values: ["web"], or use operator Exists`);
        }
      } else if (operator === 'Exists' || operator === 'DoesNotExist') {
        if (values && values.length > 0) {
          report(out, child(path, 'values'), `operator ${operator} takes no values, but ${values.length} are given`,
            `remove values, or use operator In to match them`);
        }
      } else {
        report(out, child(path, 'operator'), `${show(operator)} is not a selector operator`,
          `use one of ${SELECTOR_OPERATORS.join(', ')} (case matters)`);
      }
      if (values) {
        for (let j = 0; j < values.length; j++) {
          const v = values[j];
          checkFormat(out, v, index(child(path, 'values'), j), LABEL_VALUE, 'label value');
        }
      }
    }
  }
  return { matchLabels, empty: count === 0 };
}

/** Findings for a label selector. */
export function validateLabelSelector(selector: unknown, field = 'selector'): Findings {
  return findings((out) => checkLabelSelector(out, selector, field));
}
