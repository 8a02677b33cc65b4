import { audit } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

type Change = Parameters<typeof shopWith>[0];
const fields = (change: Change, id: string) => audit(shopWith(change)).violations.filter((v) => v.ruleId === id).map((v) => v.field);

describe('service-selects-nothing', () => {
  test('a Service without a selector (endpoints managed by hand, or ExternalName) is not judged, and is no crash', () => {
    expect(fields((get) => { delete get('Service').spec.selector; }, 'service-selects-nothing')).toEqual([]);
    expect(fields((get) => { get('Service').spec.selector = {}; }, 'service-selects-nothing')).toEqual([]);
    expect(fields((get) => { get('Service').spec.selector = { app: 'shopp' }; }, 'service-selects-nothing')).toEqual(['spec.selector']);
  });
});
