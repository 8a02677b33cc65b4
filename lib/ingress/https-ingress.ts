import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { Certificate } from '../../imports/cert-manager-cert-manager.io';
import { IngressRoute, IngressRouteSpecRoutesKind, IngressRouteSpecRoutesServicesPort } from '../../imports/traefik-ingressroute-traefik.io';
import { Middleware } from '../../imports/traefik-middleware-traefik.io';
import { PropChecker } from '../core/configuration-error';
import { isIP } from 'net';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, nameFormatProblem, WILDCARD_DNS1123_SUBDOMAIN } from '../validation/names';
import { checkIngressProps, STANDARD_INGRESS_PROPS, TRAEFIK_INGRESS_PROPS } from './https-ingress-props-spec';
import type { IngressBackend, StandardIngressProps, TraefikIngressProps } from './https-ingress-props';

export type { CertManagerCertificateProps, IngressBackend, StandardIngressProps, TraefikIngressProps } from './https-ingress-props';

/** HTTPS exposure of a Service: choose the standard Ingress or Traefik's CRDs. */
export abstract class HttpsIngress {
  /** A networking.k8s.io/v1 Ingress; the controller's own setting decides the HTTP to HTTPS redirect. */
  public static standard(props: StandardIngressProps): HttpsIngress {
    return checkIngressProps(new StandardIngress(props ?? {}), props, 'StandardIngressProps', STANDARD_INGRESS_PROPS);
  }

  /** Traefik IngressRoutes and a redirect Middleware (traefik.io/v1alpha1); the Traefik CRDs must be installed. */
  public static traefik(props: TraefikIngressProps): HttpsIngress {
    return checkIngressProps(new TraefikIngress(props ?? {}), props, 'TraefikIngressProps', TRAEFIK_INGRESS_PROPS);
  }

  /** @param host the public host name */
  protected constructor(public readonly host: string) {}

  /**
   * Whether a request for `hostname` reaches this ingress: the same name, or, for a wildcard host
   * `*.example.com`, a name with exactly one more label in front (`blog.example.com`, not
   * `example.com` nor `a.b.example.com`), as Kubernetes matches Ingress wildcard hosts.
   */
  public servesHost(hostname: string): boolean {
    return hostMatches(this.host, hostname);
  }

  /** Whether Traefik's own pods serve it (its CRDs), not a controller chosen by an IngressClass. @internal */
  public abstract readonly servedByTraefik: boolean;

  /** Checks the props, naming each as `prefix.prop`. @internal */
  public abstract validate(check: PropChecker, prefix: string): void;

  /** Creates the ingress objects under `scope`, routing to `backend`. */
  public abstract bind(scope: Construct, backend: IngressBackend): ApiObject[];
}

/** Kubernetes' Ingress host match: exact, or a wildcard `*.` standing for one DNS label. */
export function hostMatches(ingressHost: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!ingressHost.startsWith('*.')) return ingressHost === host;
  const suffix = ingressHost.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).includes('.');
}

/**
 * Why `host` cannot be an ingress host, or undefined when it can: the API server's grammar (a DNS-1123
 * subdomain, or `*.` and one when `wildcard`; not an IP address), and a name that resolves and can hold
 * a certificate: at least two labels, each at most 63 characters.
 */
function hostProblem(host: unknown, wildcard: boolean): string | undefined {
  if (typeof host !== 'string') return `is ${typeof host}, not a DNS host name`;
  if (isIP(host)) return 'is an IP address, not a DNS host name';
  const isWildcard = host.startsWith('*.');
  if (isWildcard && !wildcard) return "is a wildcard, which this ingress cannot serve: use one host name";
  const format = nameFormatProblem(isWildcard ? WILDCARD_DNS1123_SUBDOMAIN : DNS1123_SUBDOMAIN, host);
  if (format) return `is not a DNS host name: ${format.reasons}`;
  const labels = (isWildcard ? host.slice(2) : host).split('.');
  if (labels.length < 2) return 'is not a DNS host name: it has one label, and a public host needs a domain (e.g. blog.example.com)';
  const long = labels.find((label) => !DNS1123_LABEL.test(label));
  return long === undefined ? undefined : `is not a DNS host name: its label "${long.slice(0, 20)}…" is ${long.length} characters long, more than 63`;
}

function checkHost(check: PropChecker, prefix: string, host: string, wildcard: boolean): void {
  const problem = hostProblem(host ?? '', wildcard);
  if (problem) check.add(`${prefix}.host`, host, problem, "use a name such as 'blog.example.com', without scheme or path");
}

class StandardIngress extends HttpsIngress {
  public readonly servedByTraefik = false;

  constructor(private readonly props: StandardIngressProps) {
    super(props.host);
  }

  public validate(check: PropChecker, prefix: string): void {
    checkHost(check, prefix, this.props.host, true);
    if (!DNS1123_SUBDOMAIN.test(this.props.tlsSecretName ?? ''))
      check.add(`${prefix}.tlsSecretName`, this.props.tlsSecretName, 'is not a valid Secret name', "use a name such as 'blog-tls'");
    if (!DNS1123_SUBDOMAIN.test(this.props.ingressClassName ?? ''))
      check.add(`${prefix}.ingressClassName`, this.props.ingressClassName, 'is not a valid IngressClass name', "use the class of your controller, e.g. 'nginx'");
  }

  public bind(scope: Construct, backend: IngressBackend): ApiObject[] {
    const annotations = { ...this.props.annotations, ...(this.props.clusterIssuer ? { 'cert-manager.io/cluster-issuer': this.props.clusterIssuer } : {}) };
    return [new k8s.KubeIngress(scope, 'Ingress', {
      metadata: {
        name: backend.serviceName,
        namespace: backend.namespace,
        labels: backend.labels,
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      },
      spec: {
        ingressClassName: this.props.ingressClassName,
        tls: [{ hosts: [this.props.host], secretName: this.props.tlsSecretName }],
        rules: [{
          host: this.props.host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend.serviceName, port: { number: backend.servicePort } } } }] },
        }],
      },
    })];
  }
}

class TraefikIngress extends HttpsIngress {
  public readonly servedByTraefik = true;

  constructor(private readonly props: TraefikIngressProps) {
    super(props.host);
  }

  public validate(check: PropChecker, prefix: string): void {
    checkHost(check, prefix, this.props.host, false);
    const { certResolver, certificate } = this.props;
    if (certResolver !== undefined && certificate !== undefined) {
      check.add(
        `${prefix}.certificate`,
        certificate,
        'is set together with certResolver; the route serves one certificate',
        'drop certResolver to serve the cert-manager Secret, or drop certificate',
      );
    } else if (certificate !== undefined) {
      if (!DNS1123_SUBDOMAIN.test(certificate.issuerName ?? ''))
        check.add(`${prefix}.certificate.issuerName`, certificate.issuerName, 'is not a valid issuer name', "name the cert-manager ClusterIssuer or Issuer, e.g. 'letsencrypt'");
      if (certificate.issuerKind !== undefined && !['ClusterIssuer', 'Issuer'].includes(certificate.issuerKind))
        check.add(`${prefix}.certificate.issuerKind`, certificate.issuerKind, 'is not an issuer kind', "use 'ClusterIssuer' or 'Issuer'");
      if (certificate.secretName !== undefined && !DNS1123_SUBDOMAIN.test(certificate.secretName))
        check.add(`${prefix}.certificate.secretName`, certificate.secretName, 'is not a valid Secret name', "use a name such as 'blog-tls'");
    } else if (!certResolver) {
      check.add(
        `${prefix}.certResolver`,
        certResolver,
        'is required for HTTPS unless certificate is set',
        "name the ACME resolver of your single Traefik instance, e.g. 'letsencrypt', or set certificate for cert-manager",
      );
    }
  }

  public bind(scope: Construct, backend: IngressBackend): ApiObject[] {
    const metadata = (name: string) => ({ name, namespace: backend.namespace, labels: backend.labels });
    const route = {
      match: `Host(\`${this.props.host}\`)`,
      kind: IngressRouteSpecRoutesKind.RULE,
      services: [{ name: backend.serviceName, port: IngressRouteSpecRoutesServicesPort.fromNumber(backend.servicePort) }],
    };
    const redirectName = `${backend.serviceName}-redirect-https`;
    const redirect = new Middleware(scope, 'RedirectHttps', {
      metadata: metadata(redirectName),
      spec: { redirectScheme: { scheme: 'https', permanent: true } },
    });
    const objects: ApiObject[] = [redirect];
    const cert = this.props.certificate;
    let tls: { secretName: string } | { certResolver?: string; domains: Array<{ main: string; sans?: string[] }> };
    if (cert) {
      const secretName = cert.secretName ?? `${backend.serviceName}-tls`;
      const domains = this.props.tlsDomains ?? [{ main: this.props.host }];
      objects.push(new Certificate(scope, 'Certificate', {
        metadata: metadata(backend.serviceName),
        spec: {
          secretName,
          dnsNames: domains.flatMap((d) => [d.main, ...(d.sans ?? [])]),
          issuerRef: { name: cert.issuerName, kind: cert.issuerKind ?? 'ClusterIssuer', group: 'cert-manager.io' },
        },
      }));
      tls = { secretName };
    } else {
      tls = { certResolver: this.props.certResolver, domains: this.props.tlsDomains ?? [{ main: this.props.host }] };
    }
    const https = new IngressRoute(scope, 'HttpsRoute', {
      metadata: metadata(`${backend.serviceName}-https`),
      spec: {
        entryPoints: [this.props.secureEntryPoint ?? 'websecure'],
        routes: [route],
        tls,
      },
    });
    const http = new IngressRoute(scope, 'HttpRoute', {
      metadata: metadata(`${backend.serviceName}-http`),
      spec: {
        entryPoints: [this.props.webEntryPoint ?? 'web'],
        routes: [{ ...route, middlewares: [{ name: redirectName }] }],
      },
    });
    return [...objects, https, http];
  }
}
