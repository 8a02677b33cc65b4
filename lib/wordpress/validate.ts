import { PropChecker } from '../core/configuration-error';
import { CONFIG_MAP_KEY, DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../validation/names';
import { cronScheduleProblem } from '../grammar/cron';
import { Findings } from '../validation/finding-list';
import { checkQuantity } from '../validation/quantity';
import { cidrProblem } from '../grammar/ip';
import { isPortNumber } from '../grammar/port';
import { imagePinProblem, parseImage } from '../policy/image';
import { WordpressDatabase } from '../database/wordpress-database';
import { WordpressAppProps } from './props';
import { PhpWorkerBudget, WebTierSettings, webTierProblems, workerBudgetProblems } from './php-memory';
import { checkMetrics } from './metrics';
import { checkPeerPods } from './peer-checks';
import { checkSmtp } from './smtp';

/** Values validation needs after defaults are applied. */
export interface ResolvedWordpressProps {
  readonly name: string;
  readonly image: string;
  readonly cliImage: string;
  readonly siteUrl?: string;
  readonly storage: { readonly accessMode: string; readonly claimName: string; readonly size: string; readonly subPath?: string; readonly storageClassName?: string };
  readonly budget: PhpWorkerBudget;
  readonly webTier: WebTierSettings;
  readonly admin: { readonly secretName: string; readonly userKey: string; readonly passwordKey: string; readonly emailKey: string };
  readonly saltsSecretName: string;
  readonly cron: { readonly schedule: string; readonly activeDeadlineSeconds: number; readonly startingDeadlineSeconds: number };
  readonly egress: { readonly ports: readonly number[]; readonly cidrs: readonly string[] };
  readonly memoryLimitBytes?: number;
  readonly mostPods: number;
  /** The command that creates the salts Secret, for the fix. */
  readonly saltCommand: string;
}

/** An http(s) URL's shape: the scheme, the authority as written, a path without a trailing slash; no query or fragment. */
const SITE_URL = /^https?:\/\/([^/?#\s]+)(\/[^\s?#]*[^\s?#/])?$/;

/**
 * True when `value` is a site address: an http(s) URL (as the URL parser reads it) whose host, as
 * written, is a DNS-1123 subdomain (so lower-case, no user or IPv6 literal), with an optional port, a
 * path without a trailing slash, and no query or fragment.
 */
export function isSiteUrl(value: unknown): boolean {
  const parts = typeof value === 'string' ? SITE_URL.exec(value) : null;
  if (!parts) return false;
  let url: URL;
  try {
    url = new URL(parts[0]);
  } catch {
    return false;
  }
  const port = /:(\d{1,5})$/.exec(parts[1])?.[1];
  return DNS1123_SUBDOMAIN.test(url.hostname) && parts[1] === (port === undefined ? url.hostname : `${url.hostname}:${port}`);
}

/** Default classes of managed clusters, all block storage (ReadWriteOnce). */
const RWO_DEFAULTS = "EKS 'gp2'/'gp3', GKE 'standard-rwo', AKS 'managed-csi'";
/** The usual ReadWriteMany classes, by the names their installers give them. */
const RWX_CLASSES = [
  "'efs-sc' (Amazon EFS CSI)", "'standard-rwx' (GKE Filestore)", "'azurefile-csi' (AKS Azure Files)", "'rook-cephfs' (Rook CephFS)", "'nfs-client' (NFS subdir provisioner)",
].join(', ');

/** The official image's repository, however it is written. */
const OFFICIAL_WORDPRESS = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?wordpress$/;

/** The WordPress-specific props: site, Secrets, images, PHP budget, cron, network, database seam. */
export function validateWordpressProps(check: PropChecker, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  checkNameAndImages(check, r);
  checkSite(check, props, r);
  checkSecretNames(check, props, r);
  check.addFindingsAt(workerBudgetProblems(r.budget, r.memoryLimitBytes), 'php', r.budget);
  check.addFindingsAt(webTierProblems(r.webTier), 'php', r.webTier);
  check.wholeNumber('shutdownBudgetSeconds', props.shutdownBudgetSeconds, 30);

  const schedule = cronScheduleProblem(r.cron.schedule);
  if (schedule) check.add('cron.schedule', r.cron.schedule, schedule, "use five fields such as '*/5 * * * *', or a descriptor such as '@hourly'");
  check.wholeNumber('cron.activeDeadlineSeconds', props.cron?.activeDeadlineSeconds, 1);
  check.wholeNumber('cron.startingDeadlineSeconds', props.cron?.startingDeadlineSeconds, 1);

  checkStorage(check, props, r);
  checkNetwork(check, props, r);
  checkSmtp(check, props.smtp);
  checkMetrics(check, props.metrics);
  checkDatabaseSeam(check, props);
}

/** The name, and the WordPress and wp-cli images. */
function checkNameAndImages(check: PropChecker, r: ResolvedWordpressProps): void {
  if (!DNS1123_LABEL.test(r.name ?? '')) check.add('name', r.name, 'is not a DNS label', "use lower-case letters, digits and '-', e.g. 'wordpress'");
  const tag = parseImage(r.image ?? '').tag ?? '';
  if (/fpm/.test(tag)) check.add('image', r.image, 'is a php-fpm image, which speaks FastCGI, not HTTP on port 80', "use an -apache image, e.g. 'wordpress:6.7.1-apache'");
  const cliPin = imagePinProblem(r.cliImage);
  if (cliPin) check.add('cliImage', r.cliImage, cliPin, "pin the wp-cli image, e.g. 'wordpress:cli-2.11.0-php8.2'");
  // The official image's tags mix WordPress (6.7.1-apache) and wp-cli (cli-2.11.0) builds; another
  // repository (a mirror's own wp-cli image, a stand-in) is judged by its pin alone.
  else if (OFFICIAL_WORDPRESS.test(parseImage(r.cliImage).repository) && parseImage(r.cliImage).tag !== undefined && !/^cli-\d+\.\d+/.test(parseImage(r.cliImage).tag!)) {
    check.add(
      'cliImage',
      r.cliImage,
      'is not a versioned wordpress:cli tag (a moving tag such as :cli changes wp-cli under the Jobs)',
      "use e.g. 'wordpress:cli-2.11.0-php8.2', or pin a digest",
    );
  }
}

/** The site's address (siteUrl, or the ingress host), the htaccess rules and the title. */
function checkSite(check: PropChecker, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  if (r.siteUrl === undefined) {
    check.add('siteUrl', r.siteUrl, 'is required without an ingress: the install Job writes it and the readiness probe sends its host', "set siteUrl, e.g. 'https://blog.example.com', or an ingress");
  } else if (props.siteUrl === undefined && props.ingress?.host.startsWith('*.')) {
    check.add(
      'siteUrl',
      props.siteUrl,
      `is required with the wildcard ingress.host '${props.ingress.host}': WordPress is installed at one address`,
      `set siteUrl to a host the wildcard serves, e.g. 'https://blog${props.ingress.host.slice(1)}'`,
    );
  } else if (!isSiteUrl(r.siteUrl)) {
    check.add('siteUrl', r.siteUrl, 'is not an http(s) URL with a lower-case host and no trailing slash, query or fragment', "use e.g. 'https://blog.example.com'");
  } else if (props.ingress && !props.ingress.servesHost(new URL(r.siteUrl).hostname)) {
    check.add(
      'siteUrl',
      r.siteUrl,
      `names a host that ingress.host '${props.ingress.host}' does not serve, so WordPress would redirect every visitor away`,
      'use the ingress host, or drop siteUrl',
    );
  }
  if (typeof props.htaccess === 'string' && !props.htaccess.trim()) {
    check.add(
      'htaccess',
      props.htaccess,
      "is empty, which would turn off WordPress's permalink rules in every pod",
      "drop htaccess to keep the image's, or give the rules (with WordPress's '# BEGIN WordPress' block)",
    );
  }
  if (props.siteTitle !== undefined && !props.siteTitle.trim()) check.add('siteTitle', props.siteTitle, 'is empty', "give the site a title, e.g. 'My blog'");
}

/** The names of the salts and admin Secrets and the admin Secret's keys. */
function checkSecretNames(check: PropChecker, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  // Names derived from an invalid name are reported once, as the name.
  if (props.saltsSecretName !== undefined && !DNS1123_SUBDOMAIN.test(r.saltsSecretName ?? ''))
    check.add('saltsSecretName', r.saltsSecretName, 'is not a valid Secret name', `use e.g. 'wordpress-salts', created with: ${r.saltCommand}`);
  if (props.admin?.secretName !== undefined && !DNS1123_SUBDOMAIN.test(r.admin.secretName ?? ''))
    check.add('admin.secretName', r.admin.secretName, 'is not a valid Secret name', "use e.g. 'wordpress-admin'");
  for (const key of ['userKey', 'passwordKey', 'emailKey'] as const) {
    if (!CONFIG_MAP_KEY.test(r.admin[key] ?? '')) check.add(`admin.${key}`, r.admin[key], 'is not a valid Secret key', "use letters, digits, '-', '_' or '.', e.g. 'password'");
  }
}

/** The wp-content claim: size, class, subPath and name. */
function checkStorage(check: PropChecker, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  // The claim's own check names the rendered field (resources[storage]); the prop is checked by the same grammar.
  const size: Findings = [];
  checkQuantity(size, r.storage.size, 'size', 'storage', { positive: true, example: '20Gi' });
  check.addFindingsAt(size, 'storage', r.storage);
  if (r.storage.storageClassName === undefined) {
    check.add(
      'storage.storageClassName',
      undefined,
      `is required: the wp-content claim is ReadWriteMany, which a cluster's default class rarely offers (${RWO_DEFAULTS}), so the claim would stay Pending`,
      `name your cluster's ReadWriteMany class, e.g. ${RWX_CLASSES}; or '' for a pre-provisioned PersistentVolume`,
    );
  } else if (r.storage.storageClassName !== '' && !DNS1123_SUBDOMAIN.test(r.storage.storageClassName)) {
    check.add('storage.storageClassName', r.storage.storageClassName, 'is not a StorageClass name', `use your cluster's ReadWriteMany class, e.g. ${RWX_CLASSES}`);
  }
  if (r.storage.subPath !== undefined && (!r.storage.subPath || r.storage.subPath.startsWith('/') || r.storage.subPath.split('/').includes('..'))) {
    check.add('storage.subPath', r.storage.subPath, 'must be a folder relative to the claim root', "use e.g. 'wp-content'");
  }
  if (props.storage?.claimName !== undefined && !DNS1123_SUBDOMAIN.test(r.storage.claimName ?? ''))
    check.add('storage.claimName', r.storage.claimName, 'is not a valid claim name', "use e.g. 'wordpress-wp-content'");
}

/** The NetworkPolicies' peers: the ingress controller, the cluster DNS and the allowed egress. */
function checkNetwork(check: PropChecker, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  // A standard Ingress names its controller only by class: the Traefik default would be a guess.
  if ((props.networkPolicies ?? true) && props.ingressController === undefined && props.ingress && !props.ingress.servedByTraefik) {
    check.add(
      'ingressController',
      props.ingressController,
      "is required with HttpsIngress.standard: the default admits only Traefik's pods, so the NetworkPolicies would block your controller",
      "give your controller's pods, e.g. { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, or set networkPolicies: false",
    );
  }
  for (const [prop, peer] of [['ingressController', props.ingressController], ['clusterDns', props.clusterDns]] as const) {
    if (peer === undefined) continue;
    checkPeerPods(check, prop, peer, {
      namespaceFix: "name the controller's namespace, e.g. 'traefik'",
      podLabelsFix: "give the pods' labels, e.g. { 'app.kubernetes.io/name': 'traefik' }",
      nodeCidrsAllowed: prop === 'ingressController',
    });
  }
  r.egress.ports.forEach((port, i) => {
    if (!isPortNumber(port)) check.add(`egress.ports[${i}]`, port, 'is not a TCP port', 'use a port from 1 to 65535, e.g. 443 or 587');
  });
  r.egress.cidrs.forEach((cidr, i) => {
    if (cidrProblem(cidr)) check.add(`egress.cidrs[${i}]`, cidr, 'is not a CIDR', "use e.g. '0.0.0.0/0' or '203.0.113.0/24'");
  });
}

/** The database seam: props of the embedded MySQL with another database, and a given connection's fields. */
function checkDatabaseSeam(check: PropChecker, props: WordpressAppProps): void {
  // The embedded database's own checks, named as the user wrote them (mysql.storageSize).
  if (props.database === undefined) {
    for (const p of WordpressDatabase.embedded({ ...props.mysql })._problems('mysql')) check.add(p.prop, p.value, p.problem, p.fix);
  }
  const c = props.database?.givenConnection;
  if (props.database && props.database.kind !== 'embedded') {
    const embeddedOnly = c ? ['databaseName', 'databaseUser', 'credentials', 'localDevPasswords', 'mysql'] as const : ['localDevPasswords', 'mysql'] as const;
    for (const prop of embeddedOnly) {
      if (props[prop] !== undefined)
        check.add(
          prop,
          prop === 'localDevPasswords' ? '(redacted)' : props[prop],
          `configures the embedded MySQL, which is not rendered with WordpressDatabase.${props.database.kind}`,
          `drop ${prop}`,
        );
    }
  } else if (props.database && props.mysql !== undefined) {
    check.add(
      'mysql',
      props.mysql,
      'is set together with database: WordpressDatabase.embedded(), which has its own settings',
      'move the settings into WordpressDatabase.embedded({...}) and drop mysql',
    );
  }
  if (c) {
    if (!c.host) check.add('database.host', c.host, 'is empty', 'give the host name clients connect to');
    if (!isPortNumber(c.port)) check.add('database.port', c.port, 'is not a TCP port', 'use e.g. 3306');
    if (!c.database) check.add('database.database', c.database, 'is empty', 'name the schema');
    if (!c.user) check.add('database.user', c.user, 'is empty', 'name the application user');
    if (!DNS1123_SUBDOMAIN.test(c.passwordSecret?.name ?? '') || !CONFIG_MAP_KEY.test(c.passwordSecret?.key ?? '')) {
      check.add('database.passwordSecret', c.passwordSecret, 'is not a Secret name and key', 'name the Secret and the key that hold the password');
    }
  }
}
