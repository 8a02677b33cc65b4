import { singleInstanceRestartCost } from '../../policy/restart-cost';
import { parseImage } from '../../policy/image';
import { asInt, asList, asString, at, objectsOf } from '../../grammar/json';
import { AuditContext, containersOf, Manifest, namespaceOf, terminationGraceOf, Unchecked, Workload } from '../model';
import { Rule } from '../rule';

/** Image names (last path segment) of database servers whose data lives in the pod's volume. */
const DATABASE_IMAGES = /^(mysql|mariadb|percona|percona-server|community-server|enterprise-server|postgres|postgresql|mongo|mongodb)$/;

/** Programs that make a logical backup of a database. */
const DUMP_TOOLS = /\b(mysqldump|mariadb-dump|mariadb-backup|mariabackup|xtrabackup|mysqlsh|pg_dump|pg_dumpall|pg_basebackup|mongodump)\b/;

/** True when the image is a database server (mysql:8.4.3, bitnami/mariadb, container-registry.oracle.com/mysql/community-server). */
export function isDatabaseImage(image: unknown): boolean {
  if (typeof image !== 'string' || image === '') return false;
  return DATABASE_IMAGES.test(parseImage(image).repository.split('/').pop() ?? '');
}

/** The database container of a workload, if one of its containers runs a database server image. */
function databaseContainer(w: Workload): Unchecked | undefined {
  return containersOf(w).map((c) => c.container).find((c) => isDatabaseImage(c.image));
}

/** Database workloads: a StatefulSet or Deployment whose container runs a database server. */
function databaseWorkloads(ctx: AuditContext): Workload[] {
  return ctx.workloads.filter((w) => w.replicated && databaseContainer(w));
}

/** The text of a CronJob's containers: commands, arguments and literal environment values. */
function cronJobText(cronJob: Manifest): string {
  // Read type-safely: a malformed field is the invalid-field rule's to report, never a crash here.
  const strings = (list: unknown) => (asList(list) ?? []).map(asString).filter((t): t is string => t !== undefined);
  return objectsOf(at(cronJob, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers')).flatMap(({ item: c }) => [
    ...strings(c.command), ...strings(c.args), ...objectsOf(c.env).map(({ item: e }) => asString(e.value) ?? ''),
  ]).join('\n');
}

/** True when a CronJob of the namespace dumps this workload's database (it runs a dump tool and names one of its Services). */
function hasDumpCronJob(ctx: AuditContext, w: Workload): boolean {
  const names = w.services.map((s) => s.metadata?.name).filter((n): n is string => !!n);
  return ctx.manifests.some((m) => {
    if (m.kind !== 'CronJob' || namespaceOf(m) !== w.namespace || m.spec?.suspend === true) return false;
    const text = cronJobText(m);
    return DUMP_TOOLS.test(text) && (names.length === 0 || names.some((n) => new RegExp(`(^|[^-\\w.])${n.replace(/[.]/g, '\\.')}([^-\\w]|$)`, 'm').test(text)));
  });
}

function innoDbClusters(ctx: AuditContext): Manifest[] {
  return ctx.manifests.filter((m) => m.kind === 'InnoDBCluster' && String(m.apiVersion ?? '').startsWith('mysql.oracle.com/'));
}

/** Instances and routers of an InnoDBCluster, with the CRD's defaults (1 and 1). */
export function clusterSize(m: Manifest): { instances: number; routers: number } {
  return { instances: asInt(at(m, 'spec', 'instances')) ?? 1, routers: asInt(at(m, 'spec', 'router', 'instances')) ?? 1 };
}

/** The restart cost of a single-instance database workload, for the audit and the rollout plan. */
export function databasePlanNote(w: Workload): string | undefined {
  const container = databaseContainer(w);
  if (!w.replicated || !container || w.replicas >= 2) return undefined;
  return singleInstanceRestartCost(terminationGraceOf(w), container.startupProbe);
}

/** Rules for the database tier: what a restart costs, cluster sizes that keep a majority, and backups. */
export const databaseRules: Rule[] = [
  {
    id: 'database-single-instance',
    severity: 'warning',
    summary: 'A single-instance database behind a Service has no replica to fail over to: every restart, drain or upgrade is an outage.',
    check: (ctx) => databaseWorkloads(ctx).filter((w) => w.replicas < 2 && w.services.length > 0).map((w) => ({
      manifest: w.manifest, field: 'spec.replicas',
      message: `${databasePlanNote(w)}; on a lost node it stays down until the pod is deleted by hand (${w.kind === 'StatefulSet' ? 'StatefulSet pods are never replaced ' +
        'while their node is unreachable' : 'its volume stays attached to that node'})`,
      fix: 'run a replicated database (e.g. WordpressDatabase.innoDbCluster() on the MySQL Operator) or an external managed one; for a small site, accept the outage and ' +
        'keep tested backups',
    })),
  },
  {
    id: 'innodbcluster-size',
    severity: 'warning',
    summary: 'An InnoDBCluster needs 3 instances to keep a writable majority through the loss of one, and 2 routers to keep a path to it.',
    check: (ctx) => innoDbClusters(ctx).flatMap((m) => {
      const { instances, routers } = clusterSize(m);
      return [
        ...(instances < 3 ? [{
          manifest: m, field: 'spec.instances',
          message: `${instances} instance${instances === 1 ? '' : 's'}: Group Replication loses its majority, and writes stop, when one member is lost`,
          fix: 'set spec.instances: 3',
        }] : []),
        ...(routers < 2 ? [{
          manifest: m, field: 'spec.router.instances',
          message: `${routers} router${routers === 1 ? '' : 's'}: a drain or crash of ${routers === 1 ? 'its pod' : 'the router'} cuts every client off the database`,
          fix: 'set spec.router.instances: 2',
        }] : []),
      ];
    }),
  },
  {
    id: 'database-backup-missing',
    severity: 'warning',
    summary: 'A database without a scheduled backup loses its data with its volume.',
    check: (ctx) => [
      ...databaseWorkloads(ctx).filter((w) => !hasDumpCronJob(ctx, w)).map((w) => ({
        manifest: w.manifest, field: 'metadata',
        message: `no CronJob in namespace ${w.namespace} dumps it (a CronJob running mysqldump, pg_dump or ` +
          `similar against ${w.services.map((s) => s.metadata?.name).join(', ') || 'it'})`,
        fix: 'add a dump CronJob (WordpressDatabase.embedded() renders one) and test the restore',
      })),
      ...innoDbClusters(ctx).filter((m) => !(m.spec?.backupSchedules ?? []).some((s: Unchecked) => s?.enabled !== false)).map((m) => ({
        manifest: m, field: 'spec.backupSchedules',
        message: 'no enabled backup schedule: the operator makes no backups',
        fix: 'add spec.backupProfiles and spec.backupSchedules (WordpressDatabase.innoDbCluster() renders them)',
      })),
    ],
  },
];
