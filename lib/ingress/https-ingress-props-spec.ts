import { nestProblems, PropProblem } from '../core/prop-problem';
import { checkProps, optional, PropSpec, required, T } from '../core/prop-spec';
import { StandardIngressProps, TraefikIngressProps } from './https-ingress-props';

/** The runtime shape of the HttpsIngress factories' props, for callers without the type checker. */

export const STANDARD_INGRESS_PROPS: PropSpec<StandardIngressProps> = {
  host: required(T.string(), "'blog.example.com'"),
  ingressClassName: required(T.string(), "'nginx'"),
  tlsSecretName: required(T.string(), "'blog-tls'"),
  clusterIssuer: optional(T.string(), "'letsencrypt'"),
  annotations: optional(T.record(T.string())),
};

export const TRAEFIK_INGRESS_PROPS: PropSpec<TraefikIngressProps> = {
  host: required(T.string(), "'blog.example.com'"),
  certResolver: optional(T.string(), "'letsencrypt'"),
  certificate: optional(T.shape('CertManagerCertificateProps', {
    issuerName: required(T.string(), "'letsencrypt'"),
    issuerKind: optional(T.oneOf('ClusterIssuer', 'Issuer')),
    secretName: optional(T.string(), "'blog-tls'"),
  })),
  tlsDomains: optional(T.array(T.shape('tlsDomain', { main: required(T.string(), "'example.com'"), sans: optional(T.array(T.string())) }))),
  secureEntryPoint: optional(T.string(), "'websecure'"),
  webEntryPoint: optional(T.string(), "'web'"),
};

const PROBLEMS = new WeakMap<object, readonly PropProblem[]>();

/** Checks a factory's props and remembers the problems on the ingress it built, for the construct that binds it. */
export function checkIngressProps<I extends object, P>(ingress: I, props: unknown, typeName: string, spec: PropSpec<P>): I {
  const problems = checkProps(props, typeName, spec);
  if (problems.length > 0) PROBLEMS.set(ingress, problems);
  return ingress;
}

/** The problems of the props an ingress was built with, named below `prop`. */
export function ingressPropProblems(ingress: object, prop: string): PropProblem[] {
  return nestProblems(PROBLEMS.get(ingress) ?? [], prop);
}
