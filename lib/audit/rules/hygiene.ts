import { Rule } from '../rule';

/** API versions removed from Kubernetes, with their replacement. */
const REMOVED_APIS: Record<string, string> = {
  'policy/v1beta1': 'policy/v1 (removed in 1.25)',
  'autoscaling/v2beta1': 'autoscaling/v2 (removed in 1.25)',
  'autoscaling/v2beta2': 'autoscaling/v2 (removed in 1.26)',
  'extensions/v1beta1': 'apps/v1 or networking.k8s.io/v1 (removed in 1.16 and 1.22)',
  'apps/v1beta1': 'apps/v1 (removed in 1.16)',
  'apps/v1beta2': 'apps/v1 (removed in 1.16)',
  'networking.k8s.io/v1beta1': 'networking.k8s.io/v1 (removed in 1.22)',
  'batch/v1beta1': 'batch/v1 (removed in 1.25)',
  'traefik.containo.us/v1alpha1': 'traefik.io/v1alpha1 (dropped by Traefik v3)',
};

/** Rules on what must never be in rendered manifests: Secret data, removed API versions. */
export const hygieneRules: Rule[] = [
  {
    id: 'secret-with-data',
    severity: 'error',
    summary: 'A Secret with data in rendered manifests puts credentials into Git (base64 is not encryption).',
    check: (ctx) => ctx.manifests
      .filter((m) => m.kind === 'Secret' && (Object.keys(m.data ?? {}).length > 0 || Object.keys(m.stringData ?? {}).length > 0))
      .map((m) => ({
        manifest: m, field: m.data ? 'data' : 'stringData',
        message: `Secret carries ${Object.keys({ ...m.data, ...m.stringData }).length} value(s) in the manifest`,
        fix: 'create the Secret with kubectl or a secret manager (Sealed Secrets, External Secrets) and only reference it',
      })),
  },
  {
    id: 'deprecated-api',
    severity: 'error',
    summary: 'Removed API versions are rejected by current clusters.',
    check: (ctx) => ctx.manifests.filter((m) => REMOVED_APIS[m.apiVersion ?? '']).map((m) => ({
      manifest: m, field: 'apiVersion',
      message: `apiVersion ${m.apiVersion} is no longer served`, fix: `use ${REMOVED_APIS[m.apiVersion!]}`,
    })),
  },
];
