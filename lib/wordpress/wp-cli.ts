import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { AppIdentity, selectorLabels, standardLabels } from '../core/labels';
import { jobDigest } from '../database/innodb-cluster';
import { ContainerResources, EnvValue, renderEnv, renderResources } from '../deployment/container';
import { asHook, HookPhase } from '../gitops/argocd-annotations';
import { parseImage } from '../policy/image';
import { DB_TLS_VARIABLE } from './php-memory';
import { CLI_POD_SECURITY, CLI_SECURITY } from './security';

/** Where the install Job finds the first administrator: an existing Secret, never a literal. */
export interface WordpressAdminSecret {
  /** Name of the Secret. */
  readonly secretName: string;
  /**
   * Key of the login name.
   * @default 'user'
   */
  readonly userKey?: string;
  /**
   * Key of the password.
   * @default 'password'
   */
  readonly passwordKey?: string;
  /**
   * Key of the e-mail address.
   * @default 'email'
   */
  readonly emailKey?: string;
}

/** The wp-cli CronJob that runs WordPress's scheduled events instead of visitors' requests. */
export interface WordpressCronProps {
  /**
   * Cron schedule.
   * @default '*\/5 * * * *'
   */
  readonly schedule?: string;
  /**
   * Seconds one run may take before it is stopped.
   * @default 600
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Seconds after its scheduled time a missed run may still start.
   * @default 120
   */
  readonly startingDeadlineSeconds?: number;
}

/** The cron defaults. */
export const CRON_DEFAULTS: Required<WordpressCronProps> = { schedule: '*/5 * * * *', activeDeadlineSeconds: 600, startingDeadlineSeconds: 120 };

/** What the wp-cli objects need from the stack. */
export interface WpCliProps {
  /** The WordPress instance (Deployment) name. */
  readonly instance: string;
  readonly namespace: string;
  readonly partOf: string;
  /** The WordPress image, which carries the core that the Jobs run against. */
  readonly wordpressImage: string;
  /** The official wordpress:cli image. */
  readonly cliImage: string;
  /** Database, salts and configuration variables, as the WordPress pods have them. */
  readonly env: Record<string, EnvValue>;
  /** The wp-content claim. */
  readonly claimName: string;
  /** The folder of the claim that is wp-content, if not its root. */
  readonly claimSubPath?: string;
  readonly siteUrl: string;
  readonly siteTitle: string;
  readonly admin: Required<WordpressAdminSecret>;
  readonly cron: Required<WordpressCronProps>;
  readonly resources: ContainerResources;
  /** Argo CD: the install Job runs as a Sync hook in this wave, update-db as a PostSync hook. */
  readonly hookWave?: number;
}

/** The label that tells the wp-cli pods' tasks apart (install, update-db, cron). */
export const TASK_LABEL = 'task';

/** The wp-cli pods' component label: one NetworkPolicy covers the Jobs and the CronJob. */
export const WP_CLI_COMPONENT = 'wp-cli';

// Exits 0 once the database accepts the pods' credentials (over TLS when the pods use it).
const CONNECT_PHP = [
  'mysqli_report(MYSQLI_REPORT_OFF);',
  '$p = explode(":", getenv("WORDPRESS_DB_HOST"), 2);',
  '$db = mysqli_init();',
  'exit(@$db->real_connect($p[0], getenv("WORDPRESS_DB_USER"), getenv("WORDPRESS_DB_PASSWORD"), getenv("WORDPRESS_DB_NAME"),',
  `(int) ($p[1] ?? 3306), null, getenv("${DB_TLS_VARIABLE}") === "true" ? MYSQLI_CLIENT_SSL : 0) ? 0 : 1);`,
].join(' ');

// Waits up to 10 minutes for the database: under plain kubectl the Jobs start with the database.
const WAIT_FOR_DATABASE = `i=0
until php -r '${CONNECT_PHP}'; do
  i=$((i + 1)); [ "$i" -le 120 ] || { echo "the database at $WORDPRESS_DB_HOST is unreachable" >&2; exit 1; }
  echo "waiting for the database at $WORDPRESS_DB_HOST" >&2; sleep 5
done`;

/** The install script: idempotent, it installs only a site that is not installed. */
export const INSTALL_SCRIPT = `set -eu
${WAIT_FOR_DATABASE}
if wp core is-installed; then
  echo "WordPress is already installed at $(wp option get siteurl): nothing to do"
  exit 0
fi
wp core install --url="$WP_SITE_URL" --title="$WP_SITE_TITLE" --admin_user="$WP_ADMIN_USER" --admin_password="$WP_ADMIN_PASSWORD" --admin_email="$WP_ADMIN_EMAIL" --skip-email
`;

/** The database upgrade for the image's core; waits for the install, then runs `wp core update-db`. */
export const UPDATE_DB_SCRIPT = `set -eu
${WAIT_FOR_DATABASE}
i=0
until wp core is-installed; do
  i=$((i + 1)); [ "$i" -le 60 ] || { echo "WordPress is still not installed: run the install Job first" >&2; exit 1; }
  echo "waiting for the install Job" >&2; sleep 10
done
wp core update-db
echo "core $(wp core version), database version $(wp option get db_version)"
`;

/** Runs the scheduled events that are due; a failed run is retried by the next one. */
export const CRON_SCRIPT = 'exec wp cron event run --due-now';

/**
 * A Job's name: the task and a digest of the whole spec, because a Job's template is immutable: any
 * change (image, title, env, resources, cli image) must be a new Job, or `kubectl apply` fails with
 * "field is immutable". The image version is on the Job's `app.kubernetes.io/version` label.
 */
export function jobName(instance: string, task: string, spec: unknown): string {
  return `${instance}-${task}-${jobDigest(spec)}`;
}

/**
 * Copies the image's own core and wp-config-docker.php (which reads everything from the environment)
 * into the Job's emptyDir. As uid 33 the emptyDir is not ours, so nothing may preserve the times or
 * mode of its root: `cp -a` fails there ("preserving times for '/core/.'"), `cp -R` does not.
 */
export const CORE_COPY_SCRIPT = 'cp -R /usr/src/wordpress/. /core/ && cp /usr/src/wordpress/wp-config-docker.php /core/wp-config.php';

/** How long a finished hook Job (and its pod's logs) stays: a week. */
const HOOK_JOB_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The wp-cli side of a WordPress site, with the official wordpress:cli image against the core of the
 * WordPress image (copied in by an init container, so the Jobs run exactly the core the pods serve):
 *
 * - `<name>-install-<digest>`: installs WordPress once, with the URL of the ingress and the admin
 *   account from a Secret. Until it has run, the pods' readiness keeps the site out of the Service.
 * - `<name>-update-db-<digest>`: `wp core update-db` for each image version.
 * - `<name>-cron`: runs due events every few minutes (WordPress's own wp-cron is off).
 *
 * The digest of the spec in the Jobs' names makes each change a new Job under
 * `kubectl apply` (a Job's template is immutable); under Argo CD they are hooks (install: Sync, in the WordPress wave; update-db:
 * PostSync, after the rollout is healthy).
 */

export class WpCli extends Construct {
  public readonly installJob: k8s.KubeJob;
  public readonly updateDbJob: k8s.KubeJob;
  public readonly cronJob: k8s.KubeCronJob;
  /** Labels of every wp-cli pod. */
  public readonly podSelector: Record<string, string>;
  /** Labels of the cron pods only. */
  public readonly cronPodSelector: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: WpCliProps) {
    super(scope, id);
    const identity: AppIdentity = { name: 'wordpress', instance: props.instance, component: WP_CLI_COMPONENT, partOf: props.partOf };
    this.podSelector = selectorLabels(identity);
    this.cronPodSelector = { ...this.podSelector, [TASK_LABEL]: 'cron' };
    const labels = standardLabels(identity);
    // The task label on the objects too, not only on their pods: `kubectl apply -l 'task!=update-db'` selects objects.
    const metadata = (name: string, task: string): k8s.ObjectMeta => ({ name, namespace: props.namespace, labels: { ...labels, [TASK_LABEL]: task } });
    const admin = (key: string) => ({ secretKeyRef: { name: props.admin.secretName, key } });

    const installSpec = this.jobSpec('install', INSTALL_SCRIPT, 1800, {
      WP_SITE_URL: props.siteUrl,
      WP_SITE_TITLE: props.siteTitle,
      WP_ADMIN_USER: admin(props.admin.userKey),
      WP_ADMIN_PASSWORD: admin(props.admin.passwordKey),
      WP_ADMIN_EMAIL: admin(props.admin.emailKey),
    });
    this.installJob = new k8s.KubeJob(this, 'Install', { metadata: metadata(jobName(props.instance, 'install', installSpec), 'install'), spec: installSpec });
    const updateDbSpec = this.jobSpec('update-db', UPDATE_DB_SCRIPT, 1800, {});
    this.updateDbJob = new k8s.KubeJob(this, 'UpdateDb', { metadata: metadata(jobName(props.instance, 'update-db', updateDbSpec), 'update-db'), spec: updateDbSpec });
    this.cronJob = new k8s.KubeCronJob(this, 'Cron', {
      metadata: metadata(`${props.instance}-cron`, 'cron'),
      spec: {
        schedule: props.cron.schedule,
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: props.cron.startingDeadlineSeconds,
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: { spec: { ...this.jobSpec('cron', CRON_SCRIPT, props.cron.activeDeadlineSeconds, {}), backoffLimit: 0 } },
      },
    });
    if (props.hookWave !== undefined) {
      asHook(this.installJob, HookPhase.SYNC, props.hookWave);
      asHook(this.updateDbJob, HookPhase.POST_SYNC, props.hookWave);
      // Argo CD's BeforeHookCreation deletes a hook's previous run only under the same name, and these
      // names change with the spec: the TTL removes earlier revisions' Jobs. Argo CD does not re-create
      // a hook outside a sync; under plain apply the next apply runs it again, which is idempotent
      // (install stops on an installed site, update-db at the current schema).
      for (const job of [this.installJob, this.updateDbJob]) job.addJsonPatch(JsonPatch.add('/spec/ttlSecondsAfterFinished', HOOK_JOB_TTL_SECONDS));
    }
  }

  /** The Jobs and the CronJob. */
  public get objects(): ApiObject[] {
    return [this.installJob, this.updateDbJob, this.cronJob];
  }

  private jobSpec(task: string, script: string, deadline: number, env: Record<string, EnvValue>): k8s.JobSpec {
    const p = this.props;
    const resources = renderResources(p.resources);
    const version = parseImage(p.wordpressImage).tag;
    return {
      backoffLimit: 3,
      activeDeadlineSeconds: deadline,
      template: {
        metadata: {
          labels: {
            ...standardLabels({ name: 'wordpress', instance: p.instance, component: WP_CLI_COMPONENT, partOf: p.partOf }),
            ...(version ? { 'app.kubernetes.io/version': version } : {}),
            [TASK_LABEL]: task,
          },
        },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: CLI_POD_SECURITY,
          initContainers: [
            {
              name: 'core',
              image: p.wordpressImage,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', '-c', CORE_COPY_SCRIPT],
              resources,
              securityContext: CLI_SECURITY,
              volumeMounts: [{ name: 'core', mountPath: '/core' }],
            },
          ],
          containers: [
            {
              name: 'wp-cli',
              image: p.cliImage,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', '-c', script],
              env: renderEnv({ ...p.env, ...env, HOME: '/tmp', WP_CLI_CACHE_DIR: '/tmp/wp-cli-cache' }),
              resources,
              securityContext: CLI_SECURITY,
              volumeMounts: [
                { name: 'core', mountPath: '/var/www/html' },
                { name: 'wp-content', mountPath: '/var/www/html/wp-content', ...(p.claimSubPath ? { subPath: p.claimSubPath } : {}) },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'core', emptyDir: { sizeLimit: k8s.Quantity.fromString('256Mi') } },
            { name: 'wp-content', persistentVolumeClaim: { claimName: p.claimName } },
            { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
          ],
        },
      },
    };
  }
}
