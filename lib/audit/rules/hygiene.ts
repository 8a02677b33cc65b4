import { asObject, asString } from '../../grammar/json';
import { kubernetesMinor, removedApi, TARGET_KUBERNETES_VERSION } from '../removed-apis';
import { objectRef } from '../model';
import { Rule } from '../rule';

/** Rules on what must never be in rendered manifests: Secret data, removed API versions. */
export const hygieneRules: Rule[] = [
  {
    id: 'duplicate-object',
    severity: 'error',
    summary: 'An object defined twice is applied twice: the last definition wins and the settings of the others are silently lost.',
    fix: 'keep one definition of each object (API group, kind, namespace, name)',
    check: (ctx) => ctx.duplicates.map(({ kept, overridden }) => ({
      manifest: overridden[0], field: 'metadata.name',
      message: `${objectRef(kept)} is defined ${overridden.length + 1} times; kubectl apply and Argo CD keep only the last definition, ` +
        'so this one is overridden (the other rules read the last one)',
      fix: 'delete all but one definition, or give them different names or namespaces',
    })),
  },
  {
    id: 'secret-with-data',
    severity: 'error',
    summary: 'A Secret with data in rendered manifests puts credentials into Git (base64 is not encryption).',
    fix: 'create the Secret outside Git (kubectl, Sealed Secrets, External Secrets) and only reference it',
    check: (ctx) => ctx.manifests.flatMap((m) => {
      if (m.kind !== 'Secret') return [];
      const data = Object.keys(asObject(m.data) ?? {});
      const stringData = Object.keys(asObject(m.stringData) ?? {});
      return data.length + stringData.length === 0 ? [] : [{
        manifest: m, field: data.length > 0 ? 'data' : 'stringData',
        message: `Secret carries ${new Set([...data, ...stringData]).size} value(s) in the manifest`,
        fix: 'create the Secret with kubectl or a secret manager (Sealed Secrets, External Secrets) and only reference it',
      }];
    }),
  },
  {
    id: 'deprecated-api',
    severity: 'error',
    summary: 'API versions removed by the target Kubernetes version (--kubernetes-version) are rejected by the cluster.',
    fix: 'move to the replacement API version named in the finding',
    check: (ctx, options) => {
      const minor = kubernetesMinor(options.kubernetesVersion) ?? kubernetesMinor(TARGET_KUBERNETES_VERSION)!;
      return ctx.manifests.flatMap((m) => {
        const removed = removedApi(asString(m.apiVersion) ?? '', asString(m.kind) ?? '', minor);
        return removed ? [{
          manifest: m, field: 'apiVersion',
          message: `${m.kind} ${m.apiVersion} is no longer served: ${removed.removedBy ? `${removed.removedBy} dropped it` : `removed in ` +
            `Kubernetes 1.${removed.removedIn} (target: 1.${minor})`}`,
          fix: `use ${removed.replacement}`,
        }] : [];
      });
    },
  },
];
