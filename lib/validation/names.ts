/**
 * The string formats of Kubernetes names and keys, from k8s.io/apimachinery
 * pkg/util/validation/validation.go (v0.27, the same in v0.34 unless noted). Each format says which
 * condition failed and suggests a valid spelling of the user's own value.
 */
import { Findings, findings, report, show, typeName } from './finding-list';

/** One string format: its regex and limits, and how to describe and repair a value that breaks it. */
export interface NameFormat {
  /** What the format is called upstream, e.g. `DNS-1123 label`. */
  readonly title: string;
  /** Whether `value` has the format. */
  test(value: string): boolean;
  /** Every condition `value` breaks, in words (only called when `test` failed). */
  reasons(value: string): string[];
  /** A valid value as close to `value` as possible, for the fix. */
  suggest(value: string): string;
  /** The rule in one line, for the fix. */
  readonly rule: string;
}

const ALNUM_LOWER = /^[a-z0-9]$/;
const ALNUM = /^[A-Za-z0-9]$/;

function firstBad(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

function charReason(ch: string): string {
  return ch === ' ' ? 'contains a space' : `contains ${JSON.stringify(ch)}`;
}

function lengthReason(value: string, max: number): string | undefined {
  return value.length > max ? `is ${value.length} characters long, more than ${max}` : undefined;
}

/**
 * Edge characters that are allowed inside but not at the ends (a disallowed one is reported as such
 * already); `start` when the first character has its own rule.
 */
function edgeReasons(value: string, edge: RegExp, edgeText: string, inner: RegExp, start = { edge, text: edgeText }): string[] {
  const out: string[] = [];
  if (value.length > 0 && !start.edge.test(value[0]) && inner.test(value[0])) out.push(`starts with ${JSON.stringify(value[0])}, not ${start.text}`);
  const last = value[value.length - 1];
  if (value.length > 1 && !edge.test(last) && inner.test(last)) out.push(`ends with ${JSON.stringify(last)}, not ${edgeText}`);
  return out;
}

function compact(...reasons: Array<string | undefined | string[]>): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    if (Array.isArray(r)) out.push(...r);
    else if (r) out.push(r);
  }
  return out;
}

/**
 * Remembers strings already found valid: manifests repeat the same label keys, values and names
 * in every object, and a Set lookup is cheaper than a regex. Bounded, so memory stays flat.
 */
export function memoValid(test: (value: string) => boolean): (value: string) => boolean {
  const known = new Set<string>();
  return (value) => {
    if (known.has(value)) return true;
    if (!test(value)) return false;
    if (known.size >= 50000) known.clear();
    known.add(value);
    return true;
  };
}

/** Lowercases, replaces characters outside `allowed` with '-', and trims to `max` and to alphanumeric edges. */
function repair(value: string, allowed: RegExp, max: number, lower: boolean, fallback: string): string {
  let s = lower ? value.toLowerCase() : value;
  s = Array.from(s, (ch) => (allowed.test(ch) ? ch : '-')).join('').replace(/-{2,}/g, '-');
  s = s.slice(0, max).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return s === '' ? fallback : s;
}

/**
 * A lowercase DNS label of at most 63 characters: [a-z0-9-], ending in a letter or digit, starting with
 * a character of `start` (DNS-1123 allows a digit there, DNS-1035 does not).
 */
function dnsLabel(title: string, rule: string, start: { chars: string; text: string }, suggest: (v: string) => string): NameFormat {
  const re = new RegExp(`^[${start.chars}](?:[-a-z0-9]*[a-z0-9])?$`);
  const first = new RegExp(`^[${start.chars}]$`);
  return {
    title,
    rule,
    test: memoValid((v) => v.length <= 63 && re.test(v)),
    reasons: (v) => {
      const bad = firstBad(v, /^[a-z0-9-]$/);
      return compact(
        v === '' ? 'is empty' : undefined,
        lengthReason(v, 63),
        bad !== undefined ? charReason(bad) : undefined,
        edgeReasons(v, ALNUM_LOWER, 'a lowercase letter or digit', /^[a-z0-9-]$/, { edge: first, text: start.text }),
      );
    },
    suggest,
  };
}

// validation.go IsDNS1123Label: dns1123LabelFmt "[a-z0-9]([-a-z0-9]*[a-z0-9])?", DNS1123LabelMaxLength 63.
export const DNS1123_LABEL = dnsLabel(
  'DNS-1123 label', "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
  { chars: 'a-z0-9', text: 'a lowercase letter or digit' }, (v) => repair(v, /^[a-z0-9-]$/, 63, true, 'my-name'),
);

// validation.go IsDNS1123Subdomain: dns1123SubdomainFmt, DNS1123SubdomainMaxLength 253.
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_SUBDOMAIN: NameFormat = {
  title: 'DNS-1123 subdomain',
  rule: "lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit, at most 253 characters",
  test: memoValid((v) => v.length <= 253 && DNS1123_SUBDOMAIN_RE.test(v)),
  reasons: (v) => {
    const bad = firstBad(v, /^[a-z0-9.-]$/);
    const parts = v.split('.');
    return compact(
      v === '' ? 'is empty' : undefined,
      lengthReason(v, 253),
      bad !== undefined ? charReason(bad) : undefined,
      v !== '' && parts.some((p) => p === '' || !ALNUM_LOWER.test(p[0] ?? '') || !ALNUM_LOWER.test(p[p.length - 1] ?? ''))
        && bad === undefined ? "has a dot-separated part that is empty or starts or ends with '-'" : undefined,
    );
  },
  suggest: (v) => {
    const parts = v.toLowerCase().split('.').map((p) => repair(p, /^[a-z0-9-]$/, 63, true, '')).filter((p) => p !== '');
    const s = parts.join('.').slice(0, 253).replace(/[^a-z0-9]+$/, '');
    return s === '' ? 'my-name' : s;
  },
};

// validation.go IsWildcardDNS1123Subdomain: "\*\." + dns1123SubdomainFmt, DNS1123SubdomainMaxLength 253 in all.
export const WILDCARD_DNS1123_SUBDOMAIN: NameFormat = {
  title: 'wildcard DNS-1123 subdomain',
  rule: "'*.' followed by a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), at most 253 characters in all",
  test: memoValid((v) => v.length <= 253 && v.startsWith('*.') && DNS1123_SUBDOMAIN_RE.test(v.slice(2))),
  reasons: (v) => {
    if (!v.startsWith('*.')) return ["does not start with '*.'"];
    const rest = v.slice(2);
    return compact(lengthReason(v, 253), DNS1123_SUBDOMAIN.test(rest) ? undefined : DNS1123_SUBDOMAIN.reasons(rest).map((r) => `after '*.' ${r}`));
  },
  suggest: (v) => `*.${DNS1123_SUBDOMAIN.suggest(v.replace(/^\*?\.?/, ''))}`.slice(0, 253).replace(/[^a-z0-9]+$/, ''),
};

// validation.go IsDNS1035Label: dns1035LabelFmt "[a-z]([-a-z0-9]*[a-z0-9])?", DNS1035LabelMaxLength 63.
export const DNS1035_LABEL = dnsLabel(
  'DNS-1035 label', "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most 63 characters",
  { chars: 'a-z', text: 'a lowercase letter' }, (v) => {
    const s = repair(v, /^[a-z0-9-]$/, 63, true, 'my-name');
    return /^[a-z]/.test(s) ? s : `n-${s}`.slice(0, 63).replace(/-+$/, '');
  },
);

// validation.go: qualifiedNameFmt "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", qualifiedNameMaxLength 63.
const QUALIFIED_NAME_PART_RE = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QNAME_CHAR = /^[-A-Za-z0-9_.]$/;
function namePartReasons(v: string, prefix: string): string[] {
  const bad = firstBad(v, QNAME_CHAR);
  return compact(
    v === '' ? `${prefix}is empty` : undefined,
    v.length > 63 ? `${prefix}is ${v.length} characters long, more than 63` : undefined,
    bad !== undefined ? `${prefix}${charReason(bad)}` : undefined,
    edgeReasons(v, ALNUM, 'a letter or digit', QNAME_CHAR).map((r) => prefix + r),
  );
}

// validation.go IsQualifiedName: `[prefix/]name`, prefix a DNS-1123 subdomain, name a qualified name part.
export const QUALIFIED_NAME: NameFormat = {
  title: 'qualified name',
  rule: "an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. 'example.com/my-key')",
  test: memoValid((v) => {
    const slash = v.indexOf('/');
    if (slash < 0) return v.length <= 63 && QUALIFIED_NAME_PART_RE.test(v);
    if (v.indexOf('/', slash + 1) >= 0) return false;
    const name = v.slice(slash + 1);
    return slash > 0 && DNS1123_SUBDOMAIN.test(v.slice(0, slash)) && name.length <= 63 && QUALIFIED_NAME_PART_RE.test(name);
  }),
  reasons: (v) => {
    const parts = v.split('/');
    if (parts.length > 2) return ["contains more than one '/'"];
    if (parts.length === 1) return namePartReasons(v, '');
    const [prefix, name] = parts;
    return compact(
      prefix === '' ? 'has an empty prefix before the \'/\'' : DNS1123_SUBDOMAIN.test(prefix) ? undefined
        : DNS1123_SUBDOMAIN.reasons(prefix).map((r) => `prefix ${JSON.stringify(prefix)} ${r}`),
      namePartReasons(name, 'name part '),
    );
  },
  suggest: (v) => {
    const parts = v.split('/');
    const name = repair(parts[parts.length - 1], QNAME_CHAR, 63, false, 'my-key');
    if (parts.length === 1 || parts[0] === '') return name;
    return `${DNS1123_SUBDOMAIN.suggest(parts.slice(0, -1).join('.'))}/${name}`;
  },
};

// validation.go IsValidLabelValue: labelValueFmt "(" + qualifiedNameFmt + ")?", LabelValueMaxLength 63.
export const LABEL_VALUE: NameFormat = {
  title: 'label value',
  rule: "an empty value, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
  test: memoValid((v) => v === '' || (v.length <= 63 && QUALIFIED_NAME_PART_RE.test(v))),
  reasons: (v) => namePartReasons(v, ''),
  suggest: (v) => repair(v, QNAME_CHAR, 63, false, ''),
};

// validation.go IsValidPortName (IANA_SVC_NAME, RFC 6335): at most 15 of [-a-z0-9], at least one
// letter, no '--', no '-' at either end.
const PORT_NAME_CHARS = /^[-a-z0-9]+$/;
const HAS_LETTER = /[a-z]/;
export const PORT_NAME: NameFormat = {
  title: 'IANA_SVC_NAME',
  rule: "at most 15 lowercase letters, digits and '-', with at least one letter, no '--' and no '-' at either end (e.g. 'http')",
  test: memoValid((v) => v.length <= 15 && PORT_NAME_CHARS.test(v) && HAS_LETTER.test(v) && !v.includes('--') && v[0] !== '-' && v[v.length - 1] !== '-'),
  reasons: (v) => {
    const bad = firstBad(v, /^[-a-z0-9]$/);
    return compact(
      v === '' ? 'is empty' : undefined,
      lengthReason(v, 15),
      bad !== undefined ? charReason(bad) : undefined,
      v !== '' && !HAS_LETTER.test(v) ? 'has no lowercase letter' : undefined,
      v.includes('--') ? "contains '--'" : undefined,
      v.length > 0 && (v[0] === '-' || v[v.length - 1] === '-') ? "starts or ends with '-'" : undefined,
    );
  },
  suggest: (v) => {
    let s = repair(v, /^[a-z0-9-]$/, 15, true, 'http');
    if (!HAS_LETTER.test(s)) s = `p${s}`.slice(0, 15).replace(/-+$/, '');
    return s;
  },
};

// validation.go hasChDirPrefix: '.', '..' and a leading '..' are refused for env names and keys.
function chDirReason(v: string): string | undefined {
  if (v === '.') return "is '.'";
  if (v === '..') return "is '..'";
  return v.startsWith('..') ? "starts with '..'" : undefined;
}

// validation.go IsEnvVarName (v0.27): envVarNameFmt "[-._a-zA-Z][-._a-zA-Z0-9]*" plus hasChDirPrefix.
// Kubernetes 1.30 added RelaxedEnvironmentVariableValidation (any printable ASCII but '='), which
// 1.27 does not have; the 1.27 rule is applied.
const ENV_VAR_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
export const ENV_VAR_NAME: NameFormat = {
  title: 'environment variable name',
  rule: "letters, digits, '_', '-' and '.', not starting with a digit (e.g. 'MY_VAR')",
  test: memoValid((v) => ENV_VAR_NAME_RE.test(v) && chDirReason(v) === undefined),
  reasons: (v) => {
    const bad = firstBad(v, /^[-._a-zA-Z0-9]$/);
    return compact(
      v === '' ? 'is empty' : undefined,
      bad !== undefined ? charReason(bad) : undefined,
      /^[0-9]/.test(v) ? 'starts with a digit' : undefined,
      chDirReason(v),
    );
  },
  suggest: (v) => {
    let s = Array.from(v, (ch) => (/^[-._a-zA-Z0-9]$/.test(ch) ? ch : '_')).join('').replace(/^\.+/, '');
    if (/^[0-9]/.test(s)) s = `_${s}`;
    return s === '' ? 'MY_VAR' : s;
  },
};

// validation.go IsRelaxedEnvVarName (1.30+, default from 1.32): non-empty printable ASCII except '='.
const RELAXED_ENV_VAR_NAME_RE = /^[\x20-\x3c\x3e-\x7e]+$/;
export const RELAXED_ENV_VAR_NAME: NameFormat = {
  title: 'environment variable name',
  rule: "printable ASCII characters other than '=' (e.g. 'MY_VAR')",
  test: memoValid((v) => RELAXED_ENV_VAR_NAME_RE.test(v)),
  reasons: (v) => {
    const bad = firstBad(v, /^[\x20-\x3c\x3e-\x7e]$/);
    return compact(v === '' ? 'is empty' : undefined, bad !== undefined ? charReason(bad) : undefined);
  },
  suggest: (v) => Array.from(v, (ch) => (/^[\x20-\x3c\x3e-\x7e]$/.test(ch) ? ch : '_')).join('') || 'MY_VAR',
};

// validation.go IsConfigMapKey: configMapKeyFmt "[-._a-zA-Z0-9]+", at most 253, plus hasChDirPrefix.
const CONFIG_MAP_KEY_RE = /^[-._a-zA-Z0-9]+$/;
export const CONFIG_MAP_KEY: NameFormat = {
  title: 'ConfigMap/Secret key',
  rule: "at most 253 letters, digits, '-', '_' and '.', not '.', '..' or starting with '..' (e.g. 'db-password')",
  test: memoValid((v) => v.length <= 253 && CONFIG_MAP_KEY_RE.test(v) && chDirReason(v) === undefined),
  reasons: (v) => {
    const bad = firstBad(v, /^[-._a-zA-Z0-9]$/);
    return compact(v === '' ? 'is empty' : undefined, lengthReason(v, 253), bad !== undefined ? charReason(bad) : undefined, chDirReason(v));
  },
  suggest: (v) => {
    const s = Array.from(v, (ch) => (/^[-._a-zA-Z0-9]$/.test(ch) ? ch : '-')).join('').replace(/^\.+/, '').slice(0, 253);
    return s === '' ? 'key' : s;
  },
};

// validation.go IsCIdentifier: cIdentifierFmt "[A-Za-z_][A-Za-z0-9_]*".
const C_IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const C_IDENTIFIER: NameFormat = {
  title: 'C identifier',
  rule: "letters, digits and '_', not starting with a digit (e.g. 'MY_NAME')",
  test: memoValid((v) => C_IDENTIFIER_RE.test(v)),
  reasons: (v) => {
    const bad = firstBad(v, /^[A-Za-z0-9_]$/);
    return compact(v === '' ? 'is empty' : undefined, bad !== undefined ? charReason(bad) : undefined, /^[0-9]/.test(v) ? 'starts with a digit' : undefined);
  },
  suggest: (v) => {
    let s = Array.from(v, (ch) => (/^[A-Za-z0-9_]$/.test(ch) ? ch : '_')).join('');
    if (/^[0-9]/.test(s)) s = `_${s}`;
    return s === '' ? 'MY_NAME' : s;
  },
};

// validation.go IsHTTPHeaderName: httpHeaderNameFmt "[-A-Za-z0-9]+" (Go's net/http token subset).
const HTTP_HEADER_NAME_RE = /^[-A-Za-z0-9]+$/;
export const HTTP_HEADER_NAME: NameFormat = {
  title: 'HTTP header name',
  rule: "letters, digits and '-' only (e.g. 'X-Forwarded-Proto')",
  test: memoValid((v) => HTTP_HEADER_NAME_RE.test(v)),
  reasons: (v) => {
    const bad = firstBad(v, /^[-A-Za-z0-9]$/);
    return compact(v === '' ? 'is empty' : undefined, bad !== undefined ? charReason(bad) : undefined);
  },
  suggest: (v) => repair(v, /^[-A-Za-z0-9]$/, 1000, false, 'X-Header'),
};

// apimachinery pkg/api/validation/path/name.go IsValidPathSegmentName: not '.' or '..', no '/' or '%'.
// Names of kinds whose validation passes no stricter name function (PodDisruptionBudget), and
// references checked the same way (HPA scaleTargetRef, metric names).
export const PATH_SEGMENT: NameFormat = {
  title: 'path segment name',
  rule: "any name except '.' and '..' without '/' or '%'",
  test: memoValid((v) => v !== '' && v !== '.' && v !== '..' && !v.includes('/') && !v.includes('%')),
  reasons: (v) => compact(
    v === '' ? 'is empty' : undefined,
    v === '.' || v === '..' ? `is ${JSON.stringify(v)}` : undefined,
    v.includes('/') ? "contains '/'" : undefined,
    v.includes('%') ? "contains '%'" : undefined,
  ),
  suggest: (v) => v.replace(/[/%]/g, '-').replace(/^\.{1,2}$/, 'name') || 'name',
};

/**
 * Checks that `value` is a string in `format`; `what` names the field for people
 * (`container name`). Returns whether it was valid.
 */
export function checkFormat(out: Findings, value: unknown, field: string, format: NameFormat, what: string): boolean {
  if (typeof value !== 'string') {
    report(out, field, `${what} ${show(value)} is ${typeName(value)}, not a string`,
      `write the ${what} as a string, a ${format.title}: ${format.rule}`);
    return false;
  }
  const problem = nameFormatProblem(format, value);
  if (!problem) return true;
  report(out, field, `${what} ${show(value)} is not a valid ${format.title}: ${problem.reasons}`, problem.fix);
  return false;
}

/**
 * Why the string `value` is not in `format` (`reasons`, e.g. `it contains "W"`) and the fix, with a
 * suggestion close to the value; undefined when it is in the format. Constructs use it to say it of a prop.
 */
export function nameFormatProblem(format: NameFormat, value: string): { reasons: string; fix: string } | undefined {
  if (format.test(value)) return undefined;
  const suggestion = format.suggest(value);
  return {
    reasons: `it ${format.reasons(value).join(', ')}`,
    fix: `use ${format.rule}${suggestion && suggestion !== value ? `, e.g. ${JSON.stringify(suggestion)}` : ''}`,
  };
}

function single(format: NameFormat, what: string) {
  return (value: unknown, field = ''): Findings => {
    return findings((out) => checkFormat(out, value, field, format, what));
  };
}

/** Findings for a value that must be a DNS-1123 label (Namespace names, container and volume names). */
export const validateDns1123Label = single(DNS1123_LABEL, 'name');
/** Findings for a value that must be a DNS-1123 subdomain (most object names). */
export const validateDns1123Subdomain = single(DNS1123_SUBDOMAIN, 'name');
/** Findings for a value that must be a DNS-1035 label (Service names). */
export const validateDns1035Label = single(DNS1035_LABEL, 'name');
/** Findings for a label key or annotation key format (`[prefix/]name`). */
export const validateQualifiedName = single(QUALIFIED_NAME, 'key');
/** Findings for a label value. */
export const validateLabelValue = single(LABEL_VALUE, 'label value');
/** Findings for a named port (IANA_SVC_NAME). */
export const validatePortName = single(PORT_NAME, 'port name');
/** Findings for an environment variable name (Kubernetes 1.27 rule). */
export const validateEnvVarName = single(ENV_VAR_NAME, 'environment variable name');
/** Findings for a ConfigMap or Secret key. */
export const validateConfigMapKey = single(CONFIG_MAP_KEY, 'key');
/** Findings for an HTTP header name. */
export const validateHttpHeaderName = single(HTTP_HEADER_NAME, 'header name');
