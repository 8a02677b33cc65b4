import { asList, asObject, asString, at, objectsOf } from '../../grammar/json';
import { ingressOnPort, networkPolicyOf } from '../../network/evaluate';
import { ACME_HTTP01_SOLVER_LABELS, ACME_HTTP01_SOLVER_PORT } from '../../network/peers';
import { annotationsOf, AuditContext, Manifest, namespaceOf, nameOf } from '../model';
import { Rule, RuleHit } from '../rule';

/** The ingress-shim annotations that make cert-manager issue a certificate for an Ingress's tls hosts. */
export const CLUSTER_ISSUER_ANNOTATION = 'cert-manager.io/cluster-issuer';
export const ISSUER_ANNOTATION = 'cert-manager.io/issuer';

const CERT_MANAGER_GROUP = 'cert-manager.io';

function isCertManager(m: Manifest, kind: string): boolean {
  return m.kind === kind && (asString(m.apiVersion) ?? '').startsWith(`${CERT_MANAGER_GROUP}/`);
}

/** True when the Issuer or ClusterIssuer has an ACME HTTP-01 solver (Ingress or Gateway API): cert-manager may start solver pods for it. */
export function hasHttp01Solver(issuer: Manifest): boolean {
  return objectsOf(at(issuer, 'spec', 'acme', 'solvers')).some(({ item }) => item.http01 !== undefined);
}

/** An issuer a certificate names: its kind, and the namespace it is looked up in (none for a ClusterIssuer). */
interface IssuerRef { readonly kind: 'Issuer' | 'ClusterIssuer'; readonly name: string; readonly namespace?: string }

/**
 * Whether the issuer solves HTTP-01: `yes` or `no` when the input holds it, `unknown` when it does not
 * (installed with cert-manager, in other files).
 */
function solvesHttp01(ctx: AuditContext, ref: IssuerRef): 'yes' | 'no' | 'unknown' {
  const issuer = ctx.manifests.find((m) => isCertManager(m, ref.kind) && nameOf(m) === ref.name && (ref.kind === 'ClusterIssuer' || namespaceOf(m) === ref.namespace));
  if (!issuer) return 'unknown';
  return hasHttp01Solver(issuer) ? 'yes' : 'no';
}

/** An object that makes cert-manager solve HTTP-01 challenges in its namespace, with the issuer it uses. */
interface AcmeUser { readonly manifest: Manifest; readonly field: string; readonly what: string; readonly http01: 'yes' | 'unknown' }

/**
 * Objects whose certificates cert-manager may validate over HTTP-01 with solver pods in their namespace:
 * Certificates and annotated Ingresses (with tls) whose issuer solves HTTP-01 or is not in the input, and
 * namespaced Issuers with an HTTP-01 solver. A ClusterIssuer alone starts no pod in any given namespace:
 * the Certificates that name it do.
 */
function acmeUsers(ctx: AuditContext): AcmeUser[] {
  const users: AcmeUser[] = [];
  const add = (manifest: Manifest, field: string, what: string, ref: IssuerRef | undefined) => {
    const http01 = ref ? solvesHttp01(ctx, ref) : 'no';
    if (http01 !== 'no') users.push({ manifest, field, what, http01 });
  };
  for (const m of ctx.manifests) {
    if (isCertManager(m, 'Certificate')) {
      const ref = asObject(at(m, 'spec', 'issuerRef'));
      const group = asString(ref?.group) ?? CERT_MANAGER_GROUP;
      const kind = asString(ref?.kind) ?? 'Issuer';
      const name = asString(ref?.name);
      // An external issuer (another API group) signs without ACME solvers.
      const known: IssuerRef | undefined = group === CERT_MANAGER_GROUP && name && (kind === 'Issuer' || kind === 'ClusterIssuer')
        ? { kind, name, namespace: namespaceOf(m) } : undefined;
      add(m, 'spec.issuerRef', `the Certificate (issuer ${kind} ${name ?? '?'})`, known);
    } else if (m.kind === 'Ingress' && (asList(at(m, 'spec', 'tls')) ?? []).length > 0) {
      const annotations = annotationsOf(m);
      const cluster = annotations[CLUSTER_ISSUER_ANNOTATION];
      const local = annotations[ISSUER_ANNOTATION];
      if (cluster) add(m, `metadata.annotations[${CLUSTER_ISSUER_ANNOTATION}]`, `the Ingress (ClusterIssuer ${cluster})`, { kind: 'ClusterIssuer', name: cluster });
      else if (local) add(m, `metadata.annotations[${ISSUER_ANNOTATION}]`, `the Ingress (Issuer ${local})`, { kind: 'Issuer', name: local, namespace: namespaceOf(m) });
    } else if (isCertManager(m, 'Issuer') && hasHttp01Solver(m)) {
      users.push({ manifest: m, field: 'spec.acme.solvers', what: 'the Issuer\'s HTTP-01 solver', http01: 'yes' });
    }
  }
  return users;
}

/** Rules on NetworkPolicies that cut off traffic the cluster's own machinery needs. */
export const networkRules: Rule[] = [
  {
    id: 'acme-solver-denied',
    severity: 'error',
    summary: 'Under a NetworkPolicy default-deny, cert-manager\'s HTTP-01 solver pods need an ingress allow on TCP 8089, or the certificate never issues.',
    fix: 'add a NetworkPolicy admitting the ingress controller to pods labelled acme.cert-manager.io/http01-solver: "true" on TCP 8089',
    crossObject: true,
    warningWhen: 'when the issuer is not in the input, so whether it solves HTTP-01 is not known',
    check: (ctx) => {
      const policies = ctx.manifests.filter((m) => m.kind === 'NetworkPolicy' && asString(m.apiVersion) === 'networking.k8s.io/v1').map(networkPolicyOf);
      return acmeUsers(ctx).flatMap((user): RuleHit[] => {
        const namespace = namespaceOf(user.manifest);
        // The solver pod as cert-manager creates it: the solver label, container port `http` 8089.
        const solver = { namespace, labels: { ...ACME_HTTP01_SOLVER_LABELS }, ports: [{ name: 'http', containerPort: ACME_HTTP01_SOLVER_PORT }] };
        const verdict = ingressOnPort(policies, solver, ACME_HTTP01_SOLVER_PORT);
        if (verdict.decision !== 'denied') return [];
        return [{
          manifest: user.manifest, field: user.field,
          ...(user.http01 === 'unknown' ? { severity: 'warning' as const } : {}),
          message: `${user.what} has cert-manager start HTTP-01 solver pods in namespace ${namespace}` +
            `${user.http01 === 'unknown' ? ' if its issuer (not in the input) solves HTTP-01' : ''}, ` +
            `but NetworkPolicy ${verdict.selectedBy.join(', ')} selects them and nothing admits TCP ${ACME_HTTP01_SOLVER_PORT}: the ingress controller cannot reach ` +
            'the solver, the ACME challenge fails, and the certificate is never issued or renewed',
          fix: `add a NetworkPolicy in ${namespace} with podSelector matchLabels acme.cert-manager.io/http01-solver: "true" and an ingress rule from the ` +
            `ingress controller's pods on TCP ${ACME_HTTP01_SOLVER_PORT} (acmeHttp01SolverPolicy() renders it)`,
        }];
      });
    },
  },
];
