import { formatProblem, formatValue } from '../../lib/core/prop-problem';
import { checkProps, optional, required, T } from '../../lib/core/prop-spec';
import { Probe } from '../../lib';

const SPEC = {
  name: required(T.string(), "'api'"),
  port: optional(T.number(), '8080'),
  enabled: optional(T.boolean()),
  type: optional(T.oneOf('ClusterIP', 'NodePort')),
  labels: optional(T.record(T.string())),
  args: optional(T.array(T.string())),
  surge: optional(T.union(T.number(), T.string())),
  probe: optional(T.instanceOf<Probe>(Probe, 'Probe', 'Probe.tcpSocket()', (p, prop) => p._problems(prop))),
  nested: optional(T.shape('Nested', { terminationGracePeriodSeconds: optional(T.number()) })),
  password: optional(T.secret()),
};

const check = (props: unknown) => checkProps(props, 'ThingProps', SPEC);

describe('checkProps', () => {
  test('well-formed props have no problems; explicit undefined means the default', () => {
    expect(
      check({
        name: 'api',
        port: 1,
        enabled: true,
        type: 'NodePort',
        labels: { a: 'b' },
        args: ['x'],
        surge: '25%',
        probe: Probe.tcpSocket(),
        nested: {},
        password: 'p',
        enabled2: undefined,
      }),
    ).toEqual([]);
  });

  test('an unknown key names the prop that was meant', () => {
    expect(check({ name: 'a', nested: { terminationGracePeriodSecond: 1 } })).toEqual([
      { prop: 'nested.terminationGracePeriodSecond', value: 1, problem: 'is not a prop of Nested, so it would be ignored', fix: 'rename it to terminationGracePeriodSeconds' },
    ]);
  });

  test('an unknown key with no close match lists the props', () => {
    expect(check({ name: 'a', zzzzzz: 1 })[0].fix).toBe('remove it (ThingProps has name, port, enabled, type, labels, args, surge, probe, nested, password)');
  });

  test('a missing required prop is required, with the example', () => {
    expect(check({})).toEqual([{ prop: 'name', value: undefined, problem: 'is required', fix: "set it, e.g. name: 'api'" }]);
  });

  test('a number written as a string: the fix drops the quotes', () => {
    expect(check({ name: 'a', port: '8080' })).toEqual([{ prop: 'port', value: '8080', problem: 'must be a number, not a string', fix: 'write 8080 without quotes' }]);
  });

  test('a string that is no number: the fix is the example', () => {
    expect(check({ name: 'a', port: 'http' })[0].fix).toBe('use 8080');
  });

  test('NaN is not a number here', () => {
    expect(check({ name: 'a', port: NaN })[0].problem).toBe('must be a number, not NaN');
  });

  test("a boolean written as a string: the fix drops the quotes", () => {
    expect(check({ name: 'a', enabled: 'true' })[0].fix).toBe('write true without quotes');
  });

  test('null is refused, not taken as the default', () => {
    expect(check({ name: 'a', port: null })[0].problem).toBe('must be a number, not null');
  });

  test('a near miss of a string union names the member', () => {
    expect(check({ name: 'a', type: 'Nodeport' })).toEqual([{ prop: 'type', value: 'Nodeport', problem: "must be one of 'ClusterIP', 'NodePort'", fix: "use 'NodePort'" }]);
  });

  test('a far miss of a string union lists the members', () => {
    expect(check({ name: 'a', type: 'Ingress' })[0].fix).toBe("use one of 'ClusterIP', 'NodePort'");
  });

  test('record values and array items are each checked, with their path', () => {
    expect(check({ name: 'a', labels: { tier: 1 }, args: ['a', 2] }).map((p) => p.prop)).toEqual(['labels.tier', 'args[1]']);
  });

  test('a record or array of the wrong shape', () => {
    expect(check({ name: 'a', labels: ['x'], args: 'x' }).map((p) => p.problem)).toEqual([
      'must be an object of a string values, not an array',
      'must be an array of a string items, not a string',
    ]);
  });

  test('a union reports the closest alternative, or that none fits', () => {
    expect(check({ name: 'a', surge: true })[0].problem).toBe('must be a number or a string, not a boolean');
  });

  test('a plain object where a class instance is expected: how to build it', () => {
    expect(check({ name: 'a', probe: { tcpSocket: {} } })[0]).toEqual({
      prop: 'probe',
      value: { tcpSocket: {} },
      problem: 'must be a Probe built by its factory methods, not a plain object',
      fix: 'build it with Probe.tcpSocket()',
    });
  });

  test("an instance reports what was wrong with its factory's arguments", () => {
    expect(check({ name: 'a', probe: Probe.tcpSocket({ periodSeconds: '5' as any }) }).map((p) => p.prop)).toEqual(['probe.periodSeconds']);
  });

  test('a secret is never shown', () => {
    expect(check({ name: 'a', password: 1234 })[0].value).toBe('(redacted)');
  });

  test.each([[null, 'null'], [undefined, 'undefined'], ['x', 'a string'], [[1], 'an array']])('props %p are refused as a whole', (props, what) => {
    expect(check(props)).toEqual([{ prop: '(props)', value: props, problem: `must be a ThingProps object, not ${what}`, fix: 'pass { name: … }' }]);
  });
});

describe('field paths and values', () => {
  test('values print as JSON, shortened, never throwing', () => {
    const circular: any = {};
    circular.self = circular;
    expect(formatValue(circular)).toBe('a Object');
    expect(formatValue('x'.repeat(100))).toHaveLength(80);
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(() => 1)).toBe('function (anonymous)');
    expect(formatProblem({ prop: 'a', value: 1, problem: 'is bad', fix: 'use 2' })).toBe('a = 1: is bad. Fix: use 2.');
  });
});
