import { audit } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

type Change = Parameters<typeof shopWith>[0];
const pod = (get: (kind: string) => any) => get('Deployment').spec.template.spec;
const found = (change: Change, id: string) => audit(shopWith(change)).violations.filter((v) => v.ruleId === id);
const fields = (change: Change, id: string) => found(change, id).map((v) => v.field);
const messages = (change: Change, id: string) => found(change, id).map((v) => v.message);
const withoutService: Change = (_get, all) => { all.splice(all.findIndex((m) => m.kind === 'Service'), 1); };
const hpaMin = (min: number): Change => (get) => { get('HorizontalPodAutoscaler').spec.minReplicas = min; };

describe('availability rules', () => {
  test('min-replicas names the HPA when it sets the count, and counts one replica in the singular', () => {
    expect(messages(hpaMin(1), 'min-replicas')).toEqual([expect.stringMatching(/^the HPA lets it run 1 replica: /)]);
    const fixedOne: Change = (get, all) => { all.splice(all.findIndex((m) => m.kind === 'HorizontalPodAutoscaler'), 1); get('Deployment').spec.replicas = 1; };
    expect(messages(fixedOne, 'min-replicas')).toEqual([expect.stringMatching(/^it runs 1 replica: /)]);
    const fixedNone: Change = (get, all) => { all.splice(all.findIndex((m) => m.kind === 'HorizontalPodAutoscaler'), 1); get('Deployment').spec.replicas = 0; };
    expect(messages(fixedNone, 'min-replicas')).toEqual([expect.stringMatching(/^it runs 0 replicas: /)]);
  });

  test('pdb-blocks-drain counts one replica in the singular and names the HPA that sets it', () => {
    const blocks: Change = (get, all) => { hpaMin(1)(get, all); get('PodDisruptionBudget').spec = { minAvailable: 1, selector: { matchLabels: { app: 'shop' } } }; };
    expect(messages(blocks, 'pdb-blocks-drain')).toEqual([expect.stringMatching(/^Deployment shop runs 1 replica \(HPA minReplicas\): /)]);
    expect(fields(blocks, 'pdb-protects-nothing')).toEqual([]);
  });

  test('pdb-policy: minAvailable alone is a policy', () => {
    expect(fields((get) => { get('PodDisruptionBudget').spec = { minAvailable: 1, selector: { matchLabels: { app: 'shop' } } }; }, 'pdb-policy')).toEqual([]);
  });

  test('pdb-selects-nothing and hpa-target-missing quote what they looked for', () => {
    expect(messages((get) => { get('PodDisruptionBudget').spec.selector.matchLabels = { app: 'shopp' }; }, 'pdb-selects-nothing'))
      .toEqual([expect.stringContaining('the selector {"matchLabels":{"app":"shopp"}} matches no workload')]);
    expect(messages((get) => { get('HorizontalPodAutoscaler').spec.scaleTargetRef.name = 'shopp'; }, 'hpa-target-missing'))
      .toEqual([expect.stringContaining('scaleTargetRef Deployment/shopp is not in namespace shop')]);
  });

  test('anti-affinity-missing: one replica needs none, and a topology spread over the own pods is enough', () => {
    const noAffinity: Change = (get) => { delete pod(get).affinity; };
    expect(fields((get, all) => { noAffinity(get, all); hpaMin(1)(get, all); }, 'anti-affinity-missing')).toEqual([]);
    const spread: Change = (get) => {
      delete pod(get).affinity;
      pod(get).topologySpreadConstraints = [
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'shop' } } },
      ];
    };
    expect(fields(spread, 'anti-affinity-missing')).toEqual([]);
    expect(fields(noAffinity, 'anti-affinity-missing')).toEqual(['spec.template.spec.affinity']);
  });
});

describe('rollout rules', () => {
  test('recreate-strategy counts one pod in the singular', () => {
    const recreateOne: Change = (get) => { get('Deployment').spec.strategy = { type: 'Recreate' }; get('HorizontalPodAutoscaler').spec.minReplicas = 1; };
    expect(messages(recreateOne, 'recreate-strategy')).toEqual([expect.stringMatching(/^strategy Recreate stops all 1 pod before/)]);
  });

  test('min-ready-seconds-zero and max-unavailable-behind-service only for a served Deployment that rolls', () => {
    const noMinReady: Change = (get) => { delete get('Deployment').spec.minReadySeconds; };
    expect(fields((get, all) => { noMinReady(get, all); withoutService(get, all); }, 'min-ready-seconds-zero')).toEqual([]);
    expect(fields((get, all) => { noMinReady(get, all); get('Deployment').spec.strategy = { type: 'Recreate' }; }, 'min-ready-seconds-zero')).toEqual([]);
    const unavailable: Change = (get) => { get('Deployment').spec.strategy.rollingUpdate.maxUnavailable = 1; };
    expect(fields((get, all) => { unavailable(get, all); withoutService(get, all); }, 'max-unavailable-behind-service')).toEqual([]);
  });

  test('the Deployment rules leave a StatefulSet alone', () => {
    const statefulSet: Change = (get) => {
      const d = get('Deployment');
      d.kind = 'StatefulSet';
      d.spec.serviceName = 'shop';
      delete d.spec.strategy;
      delete d.spec.progressDeadlineSeconds;
      delete d.spec.minReadySeconds;
    };
    expect(fields(statefulSet, 'progress-deadline-unset')).toEqual([]);
    expect(fields(statefulSet, 'min-ready-seconds-zero')).toEqual([]);
  });

  test('rolling-update-stalls: maxSurge may exceed 100% (only maxUnavailable is capped), and is then judged', () => {
    const wide: Change = (get) => { get('Deployment').spec.strategy.rollingUpdate = { maxSurge: '200%', maxUnavailable: '100%' }; };
    expect(fields(wide, 'rolling-update-stalls')).toEqual(['spec.strategy.rollingUpdate.maxUnavailable']);
  });

  test('one replica without an autoscaler: a ReadWriteOnce claim breaks only when the rollout surges', () => {
    const single = (maxSurge: number): Change => (get, all) => {
      all.splice(all.findIndex((m) => m.kind === 'HorizontalPodAutoscaler'), 1);
      get('Deployment').spec.replicas = 1;
      get('Deployment').spec.strategy.rollingUpdate = { maxSurge, maxUnavailable: 1 };
      get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce'];
    };
    expect(fields(single(1), 'rwo-volume-on-surging-deployment')).toEqual(['spec.template.spec.volumes[0]']);
    expect(fields(single(0), 'rwo-volume-on-surging-deployment')).toEqual([]);
  });

  test('an autoscaled Deployment that does not surge still breaks a ReadWriteOnce claim when the HPA may add pods', () => {
    const scaling: Change = (get) => {
      get('HorizontalPodAutoscaler').spec.minReplicas = 1;
      get('Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1 };
      get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce'];
    };
    expect(fields(scaling, 'rwo-volume-on-surging-deployment')).toEqual(['spec.template.spec.volumes[0]']);
  });

  test('a ReadWriteOnce claim mounted through two volumes is one finding', () => {
    const twice: Change = (get) => {
      get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce'];
      pod(get).volumes.push({ name: 'uploads-again', persistentVolumeClaim: { claimName: 'shop-uploads' } });
    };
    expect(fields(twice, 'rwo-volume-on-surging-deployment')).toEqual(['spec.template.spec.volumes[0]']);
  });
});

describe('shutdown rules', () => {
  test('two replicas hand over traffic even when the rollout does not surge', () => {
    const noSurge: Change = (get) => { get('Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1 }; delete pod(get).containers[0].lifecycle; };
    expect(fields(noSurge, 'prestop-missing')).toEqual(['spec.template.spec.containers[0].lifecycle.preStop']);
  });

  test('a preStop as long as the grace period is prestop-not-below-grace only, not grace-below-shutdown-budget', () => {
    const equal: Change = (get) => { pod(get).terminationGracePeriodSeconds = 30; pod(get).containers[0].lifecycle.preStop.exec.command = ['/bin/sh', '-c', 'sleep 30']; };
    expect(fields(equal, 'prestop-not-below-grace')).toEqual(['spec.template.spec.terminationGracePeriodSeconds']);
    expect(fields(equal, 'grace-below-shutdown-budget')).toEqual([]);
  });
});
