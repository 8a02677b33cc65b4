/** The Service an ingress routes to, and the metadata its objects share. */
export interface IngressBackend {
  readonly serviceName: string;
  readonly servicePort: number;
  readonly namespace: string;
  readonly labels: Record<string, string>;
}

/** A standard networking.k8s.io/v1 Ingress with TLS. */
export interface StandardIngressProps {
  /** Public host name, e.g. `blog.example.com`. */
  readonly host: string;
  /** IngressClass of the controller that serves it (e.g. `nginx`, `traefik`). */
  readonly ingressClassName: string;
  /** Secret that holds (or, with cert-manager, receives) the TLS certificate. */
  readonly tlsSecretName: string;
  /**
   * cert-manager ClusterIssuer that issues the certificate (cert-manager.io/cluster-issuer annotation).
   * @default - none: the Secret is provided by other means
   */
  readonly clusterIssuer?: string;
  /**
   * Extra annotations for the controller.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/**
 * A cert-manager Certificate (cert-manager.io/v1) whose Secret the route serves. Unlike Traefik's ACME
 * resolver, which keeps its account and certificates in one Traefik instance, it works with any number
 * of Traefik replicas. cert-manager must be installed with the issuer.
 */
export interface CertManagerCertificateProps {
  /** Name of the issuer, e.g. `letsencrypt`. */
  readonly issuerName: string;
  /**
   * Kind of the issuer.
   * @default 'ClusterIssuer'
   */
  readonly issuerKind?: 'ClusterIssuer' | 'Issuer';
  /**
   * Secret that receives the certificate.
   * @default - `<service>-tls`
   */
  readonly secretName?: string;
}

/** Traefik's IngressRoute on websecure, plus a web route that redirects to HTTPS. Set exactly one of certResolver and certificate. */
export interface TraefikIngressProps {
  /** Public host name, e.g. `blog.example.com`. */
  readonly host: string;
  /**
   * Traefik certificate resolver (ACME) configured in the Traefik installation; only for a single Traefik instance.
   * @default - none: set certificate instead
   */
  readonly certResolver?: string;
  /**
   * A cert-manager Certificate whose Secret the route serves (tls.secretName), for several Traefik replicas.
   * @default - none: set certResolver instead
   */
  readonly certificate?: CertManagerCertificateProps;
  /**
   * Certificate domains (e.g. a wildcard main domain).
   * @default - the host
   */
  readonly tlsDomains?: Array<{ readonly main: string; readonly sans?: string[] }>;
  /**
   * Entry point for HTTPS.
   * @default 'websecure'
   */
  readonly secureEntryPoint?: string;
  /**
   * Entry point for plain HTTP, which only redirects.
   * @default 'web'
   */
  readonly webEntryPoint?: string;
}
