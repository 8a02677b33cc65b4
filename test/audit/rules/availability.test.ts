import { audit, Manifest } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

const ids = (manifests: Manifest[]) => audit(manifests).violations.map((v) => `${v.ruleId} ${v.object}`);

describe('pdb-blocks-drain and pdb-protects-nothing', () => {
  // A drain evicts no DaemonSet pod (kubectl drain --ignore-daemonsets), so no budget over one can hang it.
  const overDaemonSet = (spec: object) => shopWith((get, all) => {
    const deployment = get('Deployment');
    all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1);
    deployment.kind = 'DaemonSet';
    delete deployment.spec.strategy;
    get('PodDisruptionBudget').spec = { ...spec, selector: { matchLabels: { app: 'shop' } } };
  });
  const overDeployment = (spec: object) => shopWith((get) => { get('PodDisruptionBudget').spec = { ...spec, selector: { matchLabels: { app: 'shop' } } }; });

  test('a budget over a DaemonSet is not counted against a replica count', () => {
    expect(ids(overDaemonSet({ maxUnavailable: 0 })).filter((id) => id.startsWith('pdb-'))).toEqual([]);
    expect(ids(overDeployment({ maxUnavailable: 0 }))).toContain('pdb-blocks-drain PodDisruptionBudget shop/shop');
  });
});
