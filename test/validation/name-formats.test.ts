// Each format's reasons and suggestion, pinned whole: a reason that appears, goes missing or changes order,
// and a suggestion that changes, is a changed message users read. Inputs are chosen so that each condition
// of a format's reasons holds alone and together with its siblings.
import * as N from '../../lib/validation/names';
import { repeat as r } from './helpers';

type Row = [value: string, reasons: string[], suggestion: string];

const notLowerAlnum = (edge: 'starts' | 'ends', ch: string) => `${edge} with ${JSON.stringify(ch)}, not a lowercase letter or digit`;
const notAlnum = (edge: 'starts' | 'ends', ch: string) => `${edge} with ${JSON.stringify(ch)}, not a letter or digit`;
const BAD_PART = "has a dot-separated part that is empty or starts or ends with '-'";

const table: Array<[string, N.NameFormat, Row[]]> = [
  ['DNS-1123 label', N.DNS1123_LABEL, [
    ['', ['is empty'], 'my-name'],
    ['-', [notLowerAlnum('starts', '-')], 'my-name'],
    ['-a', [notLowerAlnum('starts', '-')], 'a'],
    ['a-', [notLowerAlnum('ends', '-')], 'a'],
    ['_a', ['contains "_"'], 'a'],
    ['A-', ['contains "A"', notLowerAlnum('ends', '-')], 'a'],
    ['My_App.x', ['contains "M"'], 'my-app-x'],
    [r('a', 64), ['is 64 characters long, more than 63'], r('a', 63)],
    [r('A', 64) + '-', ['is 65 characters long, more than 63', 'contains "A"', notLowerAlnum('ends', '-')], r('a', 63)],
    ['-' + r('a', 70), ['is 71 characters long, more than 63', notLowerAlnum('starts', '-')], r('a', 62)],
  ]],
  ['DNS-1035 label', N.DNS1035_LABEL, [
    ['', ['is empty'], 'my-name'],
    ['1abc', ['starts with "1", not a lowercase letter'], 'n-1abc'],
    ['-a', ['starts with "-", not a lowercase letter'], 'a'],
    ['a-', [notLowerAlnum('ends', '-')], 'a'],
    ['9-', ['starts with "9", not a lowercase letter', notLowerAlnum('ends', '-')], 'n-9'],
    ['My_App', ['contains "M"'], 'my-app'],
    [r('a', 62) + '-1', ['is 64 characters long, more than 63'], r('a', 62)],
    ['_1', ['contains "_"'], 'n-1'],
    [r('1', 63), ['starts with "1", not a lowercase letter'], `n-${r('1', 61)}`],
  ]],
  ['DNS-1123 subdomain', N.DNS1123_SUBDOMAIN, [
    ['', ['is empty'], 'my-name'],
    ['.', [BAD_PART], 'my-name'],
    ['-', [BAD_PART], 'my-name'],
    ['a.', [BAD_PART], 'a'],
    ['.a', [BAD_PART], 'a'],
    ['a..b', [BAD_PART], 'a.b'],
    ['a.-b', [BAD_PART], 'a.b'],
    ['a-.b', [BAD_PART], 'a.b'],
    ['a_b.c', ['contains "_"'], 'a-b.c'],
    ['A.b', ['contains "A"'], 'a.b'],
    ['Web_Site..Example.COM.', ['contains "W"'], 'web-site.example.com'],
    [r('a.', 127), ['is 254 characters long, more than 253', BAD_PART], r('a.', 126) + 'a'],
    [r('a', 254), ['is 254 characters long, more than 253'], r('a', 63)],
    [r('ab.', 90) + 'X', ['is 271 characters long, more than 253', 'contains "X"'], r('ab.', 84) + 'a'],
  ]],
  ['wildcard DNS-1123 subdomain', N.WILDCARD_DNS1123_SUBDOMAIN, [
    ['', ["does not start with '*.'"], '*.my-name'],
    ['*', ["does not start with '*.'"], '*.my-name'],
    ['*a.b', ["does not start with '*.'"], '*.a.b'],
    ['.a.b', ["does not start with '*.'"], '*.a.b'],
    ['X.Y', ["does not start with '*.'"], '*.x.y'],
    ['*.', ["after '*.' is empty"], '*.my-name'],
    ['*.A', ["after '*.' contains \"A\""], '*.a'],
    ['*.a..b', [`after '*.' ${BAD_PART}`], '*.a.b'],
    ['*.' + r('a.', 126), ['is 254 characters long, more than 253', `after '*.' ${BAD_PART}`], '*.' + r('a.', 125) + 'a'],
    ['*.' + r('a', 252), ['is 254 characters long, more than 253'], '*.' + r('a', 63)],
    ['*.' + r('ab.', 90) + 'X', ['is 273 characters long, more than 253', "after '*.' is 271 characters long, more than 253", 'after \'*.\' contains "X"'],
      '*.' + r('ab.', 83) + 'ab'],
  ]],
  ['qualified name', N.QUALIFIED_NAME, [
    ['', ['is empty'], 'my-key'],
    ['a/b/c', ["contains more than one '/'"], 'a.b/c'],
    ['a//b', ["contains more than one '/'"], 'a/b'],
    ['/x', ["has an empty prefix before the '/'"], 'x'],
    ['x/', ['name part is empty'], 'x/my-key'],
    ['Ex.com/x', ['prefix "Ex.com" contains "E"'], 'ex.com/x'],
    ['ex.com/-x_', ['name part ' + notAlnum('starts', '-'), 'name part ' + notAlnum('ends', '_')], 'ex.com/x'],
    ['-x', [notAlnum('starts', '-')], 'x'],
    ['-' + r('a', 62), [notAlnum('starts', '-')], r('a', 62)],
    ['x.', [notAlnum('ends', '.')], 'x'],
    ['a b', ['contains a space'], 'a-b'],
    [r('a', 64), ['is 64 characters long, more than 63'], r('a', 63)],
    ['ex.com/' + r('b', 64), ['name part is 64 characters long, more than 63'], 'ex.com/' + r('b', 63)],
    ['-/-', [`prefix "-" ${BAD_PART}`, 'name part ' + notAlnum('starts', '-')], 'my-name/my-key'],
    ['Ex_Am.ple/My Key!', ['prefix "Ex_Am.ple" contains "E"', 'name part contains a space'], 'ex-am.ple/My-Key'],
  ]],
  ['label value', N.LABEL_VALUE, [
    ['-', [notAlnum('starts', '-')], ''],
    ['-a', [notAlnum('starts', '-')], 'a'],
    ['a.', [notAlnum('ends', '.')], 'a'],
    ['_a_', [notAlnum('starts', '_'), notAlnum('ends', '_')], 'a'],
    ['A_', [notAlnum('ends', '_')], 'A'],
    ['a/b', ['contains "/"'], 'a-b'],
    ['$$', ['contains "$"'], ''],
    ['a b.', ['contains a space', notAlnum('ends', '.')], 'a-b'],
    [r('a', 64), ['is 64 characters long, more than 63'], r('a', 63)],
  ]],
  ['port name', N.PORT_NAME, [
    ['', ['is empty'], 'http'],
    ['-', ['has no lowercase letter', "starts or ends with '-'"], 'http'],
    ['80', ['has no lowercase letter'], 'p80'],
    ['8-0', ['has no lowercase letter'], 'p8-0'],
    ['a--b', ["contains '--'"], 'a-b'],
    ['-http', ["starts or ends with '-'"], 'http'],
    ['http-', ["starts or ends with '-'"], 'http'],
    ['HTTP', ['contains "H"', 'has no lowercase letter'], 'http'],
    [r('a', 16), ['is 16 characters long, more than 15'], r('a', 15)],
    [r('1', 16), ['is 16 characters long, more than 15', 'has no lowercase letter'], 'p' + r('1', 14)],
    ['my_port', ['contains "_"'], 'my-port'],
    ['Web', ['contains "W"'], 'web'],
    ['--', ['has no lowercase letter', "contains '--'", "starts or ends with '-'"], 'http'],
    ['1-', ['has no lowercase letter', "starts or ends with '-'"], 'p1'],
    ['1' + r('2', 12) + '-3', ['has no lowercase letter'], 'p1' + r('2', 12)],
  ]],
  ['environment variable name', N.ENV_VAR_NAME, [
    ['', ['is empty'], 'MY_VAR'],
    ['.', ["is '.'"], 'MY_VAR'],
    ['..', ["is '..'"], 'MY_VAR'],
    ['..x', ["starts with '..'"], 'x'],
    ['1A', ['starts with a digit'], '_1A'],
    ['A=B', ['contains "="'], 'A_B'],
    ['A B', ['contains a space'], 'A_B'],
    ['9=', ['contains "="', 'starts with a digit'], '_9_'],
    ['..9', ["starts with '..'"], '_9'],
    ['.=', ['contains "="'], '_'],
  ]],
  ['relaxed environment variable name', N.RELAXED_ENV_VAR_NAME, [
    ['', ['is empty'], 'MY_VAR'],
    ['A=B', ['contains "="'], 'A_B'],
    ['Ä', ['contains "Ä"'], '_'],
    ['=', ['contains "="'], '_'],
  ]],
  ['ConfigMap/Secret key', N.CONFIG_MAP_KEY, [
    ['', ['is empty'], 'key'],
    ['.', ["is '.'"], 'key'],
    ['..', ["is '..'"], 'key'],
    ['..a', ["starts with '..'"], 'a'],
    ['a/b', ['contains "/"'], 'a-b'],
    ['/', ['contains "/"'], '-'],
    [r('a', 254), ['is 254 characters long, more than 253'], r('a', 253)],
    ['..' + r('/', 260), ['is 262 characters long, more than 253', 'contains "/"', "starts with '..'"], r('-', 253)],
  ]],
  ['C identifier', N.C_IDENTIFIER, [
    ['', ['is empty'], 'MY_NAME'],
    ['1a', ['starts with a digit'], '_1a'],
    ['a-b', ['contains "-"'], 'a_b'],
    ['1-', ['contains "-"', 'starts with a digit'], '_1_'],
    ['-', ['contains "-"'], '_'],
  ]],
  ['HTTP header name', N.HTTP_HEADER_NAME, [
    ['', ['is empty'], 'X-Header'],
    ['X Header', ['contains a space'], 'X-Header'],
    ['_', ['contains "_"'], 'X-Header'],
    ['X:1', ['contains ":"'], 'X-1'],
    [r('A', 1001) + '_', ['contains "_"'], r('A', 1000)],
  ]],
  ['path segment name', N.PATH_SEGMENT, [
    ['', ['is empty'], 'name'],
    ['.', ['is "."'], 'name'],
    ['..', ['is ".."'], 'name'],
    ['a/b', ["contains '/'"], 'a-b'],
    ['a%b', ["contains '%'"], 'a-b'],
    ['/%', ["contains '/'", "contains '%'"], '--'],
  ]],
];

describe.each(table)('%s', (_title, format, rows) => {
  test.each(rows)('%j: its reasons and suggestion', (value, reasons, suggestion) => {
    expect(format.test(value)).toBe(false);
    expect(format.reasons(value)).toEqual(reasons);
    expect(format.suggest(value)).toBe(suggestion);
    expect(format.test(suggestion)).toBe(true);
  });
});

test('a format whose suggestion is empty gives a fix without an example', () => {
  expect(N.nameFormatProblem(N.LABEL_VALUE, '-')).toEqual({
    reasons: 'it starts with "-", not a letter or digit',
    fix: "use an empty value, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
  });
});
