import {
  validateConfigMapKey, validateDns1035Label, validateDns1123Label, validateDns1123Subdomain, validateEnvVarName,
  validateHttpHeaderName, validateLabelValue, validatePortName, validateQualifiedName,
} from '../../lib/validation';
import { checkFormat, nameFormatProblem, WILDCARD_DNS1123_SUBDOMAIN } from '../../lib/validation/names';
import { repeat } from './helpers';

type Validator = (value: unknown, field?: string) => { field: string; problem: string; fix: string }[];

function accepts(validate: Validator, values: unknown[]): void {
  test.each(values.map((v) => [v]))('accepts %p', (v) => expect(validate(v)).toEqual([]));
}

function refuses(validate: Validator, cases: Array<[unknown, RegExp]>): void {
  test.each(cases)('refuses %p (%p)', (v, reason) => {
    const findings = validate(v, 'x');
    expect(findings).toHaveLength(1);
    expect(findings[0].field).toBe('x');
    expect(findings[0].problem).toMatch(reason);
    expect(findings[0].fix.length).toBeGreaterThan(10);
  });
}

describe('DNS-1123 label (IsDNS1123Label)', () => {
  accepts(validateDns1123Label, ['a', '0', 'my-name', '123-abc', repeat('a', 63)]);
  refuses(validateDns1123Label, [
    ['', /is empty/], [repeat('a', 64), /64 characters long, more than 63/], ['My-name', /contains "M"/], ['my_name', /contains "_"/],
    ['my.name', /contains "\."/], ['-name', /starts with "-"/], ['name-', /ends with "-"/], [42, /not a string/], [null, /not a string/],
  ]);
  test('suggests a valid spelling of the value', () => {
    expect(validateDns1123Label('My_App')[0].fix).toContain('"my-app"');
  });
});

describe('DNS-1123 subdomain (IsDNS1123Subdomain)', () => {
  accepts(validateDns1123Subdomain, ['a', 'example.com', 'a-b.c-d', repeat('a.', 126) + 'a']);
  refuses(validateDns1123Subdomain, [
    ['', /is empty/], [repeat('a.', 126) + 'ab', /254 characters long, more than 253/], ['Example.com', /contains "E"/],
    ['a..b', /part that is empty/], ['a.-b', /part that is empty or starts or ends with '-'/], ['.a', /part/], ['a_b', /contains "_"/],
  ]);
  test('253 is the boundary', () => {
    expect(validateDns1123Subdomain(repeat('a', 63) + '.' + repeat('b', 63) + '.' + repeat('c', 63) + '.' + repeat('d', 61))).toEqual([]);
    expect(validateDns1123Subdomain(repeat('a', 63) + '.' + repeat('b', 63) + '.' + repeat('c', 63) + '.' + repeat('d', 62))).toHaveLength(1);
  });
});

describe('DNS-1035 label (IsDNS1035Label, Service names)', () => {
  accepts(validateDns1035Label, ['a', 'my-name', 'abc-123', repeat('a', 63)]);
  refuses(validateDns1035Label, [
    ['', /is empty/], [repeat('a', 64), /more than 63/], ['1abc', /starts with "1", not a lowercase letter/], ['abc-', /ends with "-"/],
    ['aBc', /contains "B"/], ['a.b', /contains "\."/],
  ]);
  test('suggests a name that starts with a letter', () => {
    expect(validateDns1035Label('1web')[0].fix).toMatch(/"n-1web"/);
  });
});

describe('qualified name (IsQualifiedName: label and annotation keys)', () => {
  accepts(validateQualifiedName,
    ['app', 'MyName', 'my.name', '123-abc', 'a_b', 'app.kubernetes.io/name', 'example.com/MyName', repeat('a', 63), `${repeat('a', 253)}/${repeat('b', 63)}`]);
  refuses(validateQualifiedName, [
    ['', /is empty/], [repeat('a', 64), /more than 63/], ['a/b/c', /more than one '\/'/], ['/name', /empty prefix/],
    ['Example.com/name', /prefix "Example.com" contains "E"/], ['example.com/', /name part is empty/],
    ['example.com/-x', /name part starts with "-"/], ['x-', /ends with "-"/], ['a b', /contains a space/],
    [`example.com/${repeat('b', 64)}`, /name part is 64 characters/],
  ]);
});

describe('label value (IsValidLabelValue)', () => {
  accepts(validateLabelValue, ['', 'v1', 'MyValue', 'my_value', '12345', '6.7.1-apache', repeat('a', 63)]);
  refuses(validateLabelValue, [
    [repeat('a', 64), /64 characters long, more than 63/], ['-a', /starts with "-"/], ['a.', /ends with "\."/], ['a/b', /contains "\/"/], ['a b', /contains a space/],
  ]);
});

describe('port name (IsValidPortName, IANA_SVC_NAME)', () => {
  accepts(validatePortName, ['http', 'h', 'a1', 'web-http', repeat('a', 15)]);
  refuses(validatePortName, [
    ['', /is empty/], [repeat('a', 16), /16 characters long, more than 15/], ['HTTP', /contains "H"/], ['80', /has no lowercase letter/],
    ['a--b', /contains '--'/], ['-http', /starts or ends with '-'/], ['http-', /starts or ends with '-'/], ['my_port', /contains "_"/],
  ]);
});

describe('environment variable name (IsEnvVarName, 1.27)', () => {
  accepts(validateEnvVarName, ['A', 'MY_VAR', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1', '_x', '-x', '.x']);
  refuses(validateEnvVarName, [
    ['', /is empty/], ['1A', /starts with a digit/], ['A=B', /contains "="/], ['A B', /contains a space/], ['.', /is '\.'/],
    ['..', /is '\.\.'/], ['..x', /starts with '\.\.'/], ['ÄNDERUNG', /contains "Ä"/],
  ]);
});

describe('ConfigMap/Secret key (IsConfigMapKey)', () => {
  accepts(validateConfigMapKey, ['a', 'key.name', 'KEY_NAME', 'key-name', '.dockerconfigjson', repeat('a', 253)]);
  refuses(validateConfigMapKey, [
    ['', /is empty/], [repeat('a', 254), /254 characters long, more than 253/], ['a/b', /contains "\/"/], ['.', /is '\.'/],
    ['..', /is '\.\.'/], ['..a', /starts with '\.\.'/], ['a b', /contains a space/],
  ]);
});

describe('HTTP header name (IsHTTPHeaderName)', () => {
  accepts(validateHttpHeaderName, ['X-Forwarded-Proto', 'Host', 'a1']);
  refuses(validateHttpHeaderName, [['', /is empty/], ['X Header', /contains a space/], ['X_Header', /contains "_"/], ['X:1', /contains ":"/]]);
});

describe('wildcard DNS-1123 subdomain (IsWildcardDNS1123Subdomain)', () => {
  const validateWildcard: Validator = (value, field = '') => {
    const out: ReturnType<Validator> = [];
    checkFormat(out, value, field, WILDCARD_DNS1123_SUBDOMAIN, 'host');
    return out;
  };
  accepts(validateWildcard, ['*.example.com', '*.a', `*.${repeat('a.', 125)}a`]);
  refuses(validateWildcard, [
    ['example.com', /does not start with '\*\.'/], ['*', /does not start with '\*\.'/], ['*.', /after '\*\.' is empty/], ['*.*.example.com', /after '\*\.' contains "\*"/],
    ['*.Example.com', /after '\*\.' contains "E"/], ['*.a..b', /after '\*\.' has a dot-separated part that is empty/], [`*.${repeat('a.', 125)}ab`, /254 characters long, more than 253/],
  ]);
  test('suggests a wildcard of a valid spelling', () => {
    expect(nameFormatProblem(WILDCARD_DNS1123_SUBDOMAIN, '*.Example_Site.com')?.fix).toContain('"*.example-site.com"');
  });
});
