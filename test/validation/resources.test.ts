import { validateResources } from '../../lib/validation/resources';

const lines = (resources: unknown): string[] => validateResources(resources).map((f) => `${f.field}: ${f.problem}`);
const fixes = (resources: unknown): string[] => validateResources(resources).map((f) => f.fix);

describe('validateResources (ValidateResourceRequirements)', () => {
  test('unset or of the wrong type', () => {
    expect(lines(undefined)).toEqual([]);
    expect(lines({})).toEqual([]);
    expect(lines('1 cpu')).toEqual(['resources: resources is a string ("1 cpu"), not an object']);
    expect(lines({ requests: ['cpu'] })).toEqual(['resources.requests: requests is a list (a list of 1), not an object']);
    expect(lines({ limits: ['cpu'], requests: { cpu: '1' } })).toEqual(['resources.limits: limits is a list (a list of 1), not an object']);
  });
  test('resource names: standard ones, hugepages, and domain-prefixed ones', () => {
    expect(lines({ requests: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' } })).toEqual([]);
    expect(lines({ limits: { 'hugepages-2Mi': '2Mi' } })).toEqual([]);
    expect(lines({ limits: { storage: '1Gi' } })).toEqual(['resources.limits[storage]: "storage" is not a standard container resource']);
    expect(lines({ limits: { 'example.com/widget': 2 } })).toEqual([]);
    expect(lines({ limits: { 'example.com/wid get': 2 } })).toEqual([expect.stringMatching(/^resources\.limits\[example\.com\/wid get\]: /)]);
  });
  test('the example in a fix follows the resource', () => {
    expect(fixes({ requests: { cpu: 'x' } })).toEqual(['write a number with an optional unit, e.g. "500m"']);
    expect(fixes({ requests: { memory: 'x' } })).toEqual(['write a number with an optional unit, e.g. "256Mi"']);
    expect(fixes({ limits: { 'example.com/widget': 'x' } })).toEqual(['write a number with an optional unit, e.g. "1"']);
  });
  test('extended resources are whole numbers; native ones, even under kubernetes.io/, may be fractions', () => {
    expect(lines({ limits: { 'example.com/widget': '1.5' } }))
      .toEqual(['resources.limits[example.com/widget]: example.com/widget "1.5" is not a whole number; extended resources are counted in units']);
    expect(lines({ limits: { 'example.com/widget': '2' } })).toEqual([]);
    expect(lines({ requests: { 'kubernetes.io/widget': '1.5' } })).toEqual([]);
    expect(lines({ requests: { cpu: '1.5' } })).toEqual([]);
  });
  test('memory and ephemeral-storage in fractions of a byte: the fix turns m into Mi, or suggests 256Mi for a number', () => {
    expect(lines({ requests: { 'ephemeral-storage': '100m' } })).toEqual([
      "resources.requests[ephemeral-storage]: ephemeral-storage \"100m\" is 0.1 bytes, a fraction of a byte: the suffix 'm' means milli, not mega"]);
    expect(fixes({ requests: { memory: ' 512m ' } })).toEqual(['use a binary unit, e.g. "512Mi"']);
    expect(fixes({ requests: { memory: 0.5 } })).toEqual(['use a binary unit, e.g. "256Mi"']);
    expect(lines({ requests: { memory: '1.5Ki' } })).toEqual([]);
  });
  test('a request above its limit, within the rounding of decimal fractions', () => {
    expect(lines({ requests: { cpu: '700m' }, limits: { cpu: '0.7' } })).toEqual([]);
    expect(lines({ requests: { cpu: '0.7' }, limits: { cpu: '700m' } })).toEqual([]);
    expect(lines({ requests: { cpu: '701m' }, limits: { cpu: '0.7' } })).toEqual(['resources.requests[cpu]: cpu request is more than its limit ("701m" > "0.7")']);
    expect(lines({ requests: { cpu: '1' } })).toEqual([]);
    expect(lines({ requests: { cpu: '2' }, limits: { memory: '1Gi' } })).toEqual([]);
  });
  test('resources that cannot be overcommitted: a limit is required and equal to the request', () => {
    expect(lines({ requests: { 'hugepages-2Mi': '2Mi' } })).toEqual([
      'resources.limits[hugepages-2Mi]: hugepages-2Mi has a request but no limit; it cannot be overcommitted, so the limit is required']);
    expect(lines({ requests: { 'hugepages-2Mi': '2Mi' }, limits: { 'hugepages-2Mi': '2Mi' } })).toEqual([]);
    expect(lines({ requests: { 'hugepages-2Mi': '2Mi' }, limits: { 'hugepages-2Mi': '4Mi' } })).toEqual([
      'resources.requests[hugepages-2Mi]: hugepages-2Mi request 2097152 differs from its limit 4194304; this resource cannot be overcommitted']);
    expect(lines({ requests: { 'example.com/widget': 2 }, limits: { 'example.com/widget': 1 } })).toEqual([
      'resources.requests[example.com/widget]: example.com/widget request 2 differs from its limit 1; this resource cannot be overcommitted']);
  });
  test('a negative or malformed request is reported once, and not compared with the limit', () => {
    expect(lines({ requests: { 'example.com/widget': -1 } })).toEqual(['resources.requests[example.com/widget]: example.com/widget -1 is negative']);
    expect(lines({ requests: { 'example.com/widget': 'x' } })).toEqual([expect.stringMatching(/^resources\.requests\[example\.com\/widget\]: .*not a Kubernetes quantity/)]);
    expect(lines({ requests: { cpu: true }, limits: { cpu: '1' } })).toEqual([expect.stringMatching(/^resources\.requests\[cpu\]: cpu true is a boolean, not a quantity/)]);
    expect(lines({ requests: { cpu: '2' }, limits: { cpu: 'x' } })).toEqual([expect.stringMatching(/^resources\.limits\[cpu\]: .*not a Kubernetes quantity/)]);
  });
  test('a request of 0 is a request: a resource that cannot be overcommitted still needs its limit', () => {
    expect(lines({ requests: { 'hugepages-2Mi': '0' } }))
      .toEqual(['resources.limits[hugepages-2Mi]: hugepages-2Mi has a request but no limit; it cannot be overcommitted, so the limit is required']);
    expect(lines({ requests: { 'hugepages-2Mi': '0' }, limits: { 'hugepages-2Mi': '0' } })).toEqual([]);
  });
  test('a request equal to its limit is allowed, at 0 as at any amount', () => {
    expect(lines({ requests: { cpu: '0' }, limits: { cpu: '0' } })).toEqual([]);
    expect(lines({ requests: { cpu: '0' }, limits: { cpu: '1' } })).toEqual([]);
    expect(lines({ requests: { cpu: '1m' }, limits: { cpu: '0' } })).toEqual([expect.stringMatching(/^resources\.requests\[cpu\]: cpu request is more than its limit/)]);
  });
});
