import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateObject } from '../../lib/validation';
import { deployment, service, statefulSet, withField } from './helpers';

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

describe('every object the project ships validates clean', () => {
  const files = [...yamlFiles(join(ROOT, 'dist')), ...yamlFiles(join(ROOT, 'test', 'fixtures', 'good'))];
  test('there is something to check', () => expect(files.length).toBeGreaterThan(0));
  test.each(files.map((f) => [f.slice(ROOT.length + 1)]))('%s', (file) => {
    for (const doc of parseAllDocuments(readFileSync(join(ROOT, file), 'utf8'))) {
      const obj = doc.toJS();
      if (obj === null) continue;
      expect({ kind: obj.kind, name: obj.metadata?.name, findings: validateObject(obj) }).toEqual({ kind: obj.kind, name: obj.metadata?.name, findings: [] });
    }
  });
});

describe('the object itself', () => {
  test('apiVersion and kind are required strings', () => {
    expect(validateObject({ kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 80 }] } }).map((f) => f.field)).toEqual(['apiVersion']);
    expect(validateObject({ apiVersion: 'v1', metadata: { name: 'a' } }).map((f) => f.field)).toEqual(['kind']);
    expect(validateObject({ apiVersion: 1, kind: 2 }).map((f) => f.field)).toEqual(['apiVersion', 'kind']);
  });
  test('a List is validated item by item, with the item in the path', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [service(), withField(service(), 'spec.ports[0].port', 0)] };
    expect(validateObject(list).map((f) => f.field)).toEqual(['items[1].spec.ports[0].port']);
    expect(validateObject({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'List', items: [] }] }).map((f) => f.field)).toEqual(['items[0].kind']);
  });
  test('every problem at once', () => {
    const bad = withField(withField(withField(deployment(), 'metadata.name', 'Web'), 'spec.replicas', -1), 'spec.template.spec.containers[0].image', 'Nginx');
    expect(validateObject(bad).map((f) => f.field)).toEqual(['metadata.name', 'spec.replicas', 'spec.template.spec.containers[0].image']);
  });
  test('problems show the value, fixes give an example', () => {
    const [finding] = validateObject(withField(service(), 'spec.ports[0].port', 70000));
    expect(finding).toEqual({ field: 'spec.ports[0].port', problem: expect.stringContaining('70000'), fix: 'set port between 1 and 65535, e.g. port: 80' });
  });
  test('long values are cut in the message', () => {
    const [finding] = validateObject(withField(service(), 'metadata.name', 'X'.repeat(5000)));
    expect(finding.problem.length).toBeLessThan(600);
    expect(finding.problem).toContain('(5000 characters)');
  });
});

describe('never throws, whatever the input', () => {
  const hostile: unknown[] = [
    null, undefined, 0, -1, NaN, Infinity, 1.5, '', 'x', true, [], [[]], {}, Symbol('s'), () => 1, 10n, new Date(0), /re/, new Map(),
    Object.create(null), { apiVersion: 'v1' }, { kind: 'Deployment' }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: null, spec: null },
  ];
  const cyclic: any = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'c' } };
  cyclic.spec = cyclic;
  cyclic.metadata.labels = cyclic;
  const cyclicList: any = { apiVersion: 'v1', kind: 'List' };
  cyclicList.items = [cyclicList];
  hostile.push(cyclic, cyclicList);
  const throwing = { apiVersion: 'v1', kind: 'Service', get metadata(): never { throw new Error('boom'); } };

  test.each(hostile.map((h, i) => [i, h]))('hostile input #%p', (_i, input) => {
    const findings = validateObject(input);
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) expect(f).toEqual({ field: expect.any(String), problem: expect.any(String), fix: expect.any(String) });
    expect(findings.map((f) => f.problem).join()).not.toMatch(/validator failed/);
  });

  test('a getter that throws becomes a finding', () => {
    expect(validateObject(throwing)[0].problem).toMatch(/validator failed.*boom/);
  });

  // Every field of full objects replaced by every kind of garbage: no validator may crash.
  const garbage: unknown[] = [null, 0, -1, 1.5, NaN, 'x', '', true, [], [null], [1, 'a', {}], {}, { a: { b: [] } }, cyclic];
  function paths(value: unknown, prefix: string): string[] {
    if (value === null || typeof value !== 'object') return [prefix];
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
    return [prefix, ...entries.flatMap(([k, v]) => paths(v, `${prefix}${k}`))].filter((p) => p !== '');
  }
  test.each([['Deployment', deployment()], ['StatefulSet', statefulSet()], ['Service', service()]])('%s with garbage in every field', (_kind, obj) => {
    let runs = 0;
    for (const path of paths(obj, '').map((p) => p.replace(/^\./, ''))) {
      for (const g of garbage) {
        const findings = validateObject(withField(obj, path, g));
        expect(findings.map((f) => f.problem).join()).not.toMatch(/validator failed/);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(200);
  });
});
