import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as lib from '../../lib';
import * as analysis from '../../lib/analysis';

const ROOT = path.join(__dirname, '..', '..');

/** Every exported `*_DEFAULTS`. */
const EXPORTED = Object.entries(lib).filter(([name]) => name.endsWith('_DEFAULTS')) as Array<[string, Record<string, unknown>]>;

/** The `@default` text of every property of every interface in lib/, by `Interface.property`. */
function defaultTags(): Map<string, string> {
  const tags = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith('.ts')) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        source.forEachChild((node) => {
          if (!ts.isInterfaceDeclaration(node)) return;
          for (const member of node.members) {
            const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
            if (tag && member.name) tags.set(`${node.name.text}.${member.name.getText()}`, ts.getTextOfJSDocComment(tag.comment) ?? '');
          }
        });
      }
    }
  };
  visit(path.join(ROOT, 'lib'));
  return tags;
}

/**
 * Where each default is stated in the props' docs: `Interface.prop`. A literal `@default` ('2Gi', 3,
 * { maxUnavailable: 1 }) must equal the runtime value; a prose one (`- Guaranteed 200m CPU, 672Mi memory`)
 * must name each of its values.
 */
const STATED: Record<string, Record<string, readonly string[] | string>> = {
  ZERO_DOWNTIME_DEFAULTS: {
    replicas: 'ZeroDowntimeDeploymentProps.replicas',
    maxSurge: ['RolloutProps.maxSurge', 'ZeroDowntimeDeploymentProps.rollout'],
    maxUnavailable: ['RolloutProps.maxUnavailable', 'ZeroDowntimeDeploymentProps.rollout'],
    minReadySeconds: ['RolloutProps.minReadySeconds', 'ZeroDowntimeDeploymentProps.rollout'],
    revisionHistoryLimit: ['RolloutProps.revisionHistoryLimit', 'ZeroDowntimeDeploymentProps.rollout'],
    progressDeadlineSeconds: ['RolloutProps.progressDeadlineSeconds', 'ZeroDowntimeDeploymentProps.rollout'],
    preStopSleepSeconds: 'ZeroDowntimeDeploymentProps.preStop',
    shutdownBudgetSeconds: 'ZeroDowntimeDeploymentProps.shutdownBudgetSeconds',
    portName: 'ZeroDowntimeDeploymentProps.portName',
    imagePullPolicy: 'ZeroDowntimeDeploymentProps.imagePullPolicy',
    disruptionBudget: 'ZeroDowntimeDeploymentProps.disruptionBudget',
    antiAffinityWeight: 'SpreadProps.antiAffinityWeight',
    cpuUtilization: 'AutoscalingProps.cpuUtilization',
  },
  WORDPRESS_DEFAULTS: {
    namespace: 'WordpressAppProps.namespace',
    name: 'WordpressAppProps.name',
    image: 'WordpressAppProps.image',
    cliImage: 'WordpressAppProps.cliImage',
    resources: 'WordpressAppProps.resources',
    autoscaling: 'WordpressAppProps.autoscaling',
    storage: 'WordpressAppProps.storage',
    database: 'WordpressAppProps.databaseName',
    user: 'WordpressAppProps.databaseUser',
    credentials: 'WordpressAppProps.credentials',
    shutdownBudgetSeconds: 'WordpressAppProps.shutdownBudgetSeconds',
    siteTitle: 'WordpressAppProps.siteTitle',
    egress: 'WordpressAppProps.egress',
    // No prop sets the size of the wp-cli Jobs.
    cliResources: [],
  },
  INNODB_CLUSTER_DEFAULTS: {
    version: 'MysqlInnoDbClusterProps.version',
    instances: 'MysqlInnoDbClusterProps.instances',
    routers: 'MysqlInnoDbClusterProps.routers',
    spread: 'MysqlInnoDbClusterProps.spread',
    storageSize: 'MysqlInnoDbClusterProps.storageSize',
    resources: 'MysqlInnoDbClusterProps.resources',
    sidecarResources: 'MysqlInnoDbClusterProps.sidecarResources',
    routerResources: 'MysqlInnoDbClusterProps.routerResources',
  },
  INNODB_BACKUP_DEFAULTS: {
    schedule: 'InnoDbBackupProps.schedule',
    claimSize: 'InnoDbClaimBackupProps.size',
    keep: 'InnoDbClaimBackupProps.keep',
    pruneSchedule: 'InnoDbClaimBackupProps.pruneSchedule',
    // No prop sets the size of the pruning Job.
    jobResources: [],
  },
  VELERO_SCHEDULE_DEFAULTS: {
    veleroNamespace: 'VeleroScheduleProps.veleroNamespace',
    schedule: 'VeleroScheduleProps.schedule',
    ttl: 'VeleroScheduleProps.ttl',
  },
  MYSQL_DUMP_DEFAULTS: {
    schedule: 'MysqlDumpSettings.schedule',
    keep: 'MysqlDumpSettings.keep',
    storageSize: 'MysqlDumpSettings.storageSize',
    resources: 'MysqlDumpSettings.resources',
    // No prop moves the mount point of the dumps.
    mountPath: [],
  },
};

/** The literal a `@default` text starts with, or undefined when the text is prose. */
function leadingLiteral(text: string): { value: unknown } | undefined {
  const source = text.replace(/\*\\\//g, '*/');
  const quoted = /^'([^']*)'/.exec(source);
  if (quoted) return { value: quoted[1] };
  const number = /^-?\d+(\.\d+)?(?=\s|$)/.exec(source);
  if (number) return { value: Number(number[0]) };
  const bool = /^(true|false)(?=\s|$)/.exec(source);
  if (bool) return { value: bool[1] === 'true' };
  if (source.startsWith('{') || source.startsWith('[')) {
    return { value: new Function(`return (${source});`)() };
  }
  return undefined;
}

function scalars(value: unknown): string[] {
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(scalars);
  return [String(value)];
}

const tags = defaultTags();

test('the six exported defaults are the ones stated here', () => {
  expect(EXPORTED.map(([name]) => name).sort()).toEqual(Object.keys(STATED).sort());
  for (const [name, defaults] of EXPORTED) expect([name, Object.keys(defaults).sort()]).toEqual([name, Object.keys(STATED[name]).sort()]);
});

test.each(EXPORTED.flatMap(([name, defaults]) => Object.keys(defaults).flatMap((field) => {
  const where = STATED[name]?.[field];
  return (typeof where === 'string' ? [where] : where ?? []).map((prop) => [`${name}.${field}`, prop, defaults[field]] as const);
})))('%s is what the @default of %s says', (_field, prop, value) => {
  const text = tags.get(prop);
  expect(text).toBeDefined();
  const literal = leadingLiteral(text!);
  if (literal) {
    expect(literal.value).toEqual(value);
  } else {
    for (const scalar of scalars(value)) expect(text).toMatch(new RegExp(`(^|[^\\w.])${scalar.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\w.])`));
  }
});

/** Every exported value of the package root and of zero-downtime-charts/analysis that is an object (enums included), by name. */
const EXPORTED_OBJECTS = [...Object.entries(lib), ...Object.entries(analysis)]
  .filter(([, value]) => value !== null && typeof value === 'object');

/** The paths inside `value` to objects that are not frozen. */
const mutableIn = (value: unknown, at: string): string[] => {
  if (value === null || typeof value !== 'object') return [];
  return [...Object.isFrozen(value) ? [] : [at], ...Object.entries(value).flatMap(([k, v]) => mutableIn(v, `${at}.${k}`))];
};

test('every exported object of the package root and of /analysis is deeply frozen', () => {
  // A new export that is an object is checked here without being named: the list only guards against an empty enumeration.
  expect(EXPORTED_OBJECTS.map(([name]) => name)).toEqual(expect.arrayContaining([
    'ZERO_DOWNTIME_DEFAULTS', 'CLUSTER_DNS_PODS', 'TRAEFIK_PODS', 'MYSQL_OPERATOR_PODS', 'ROUTER_PORTS', 'MYSQL_OPERATOR_VERSIONS',
    'ARGOCD_DEFAULT_RETRY', 'ALL_RULES', 'INTERNET_CIDRS', 'ACME_HTTP01_SOLVER_LABELS', 'PreStopKind', 'QosClass', 'HookPhase',
  ]));
  expect(EXPORTED_OBJECTS.flatMap(([name, value]) => mutableIn(value, name))).toEqual([]);
});

test('the frozen check finds an unfrozen object, however deep', () => {
  expect(mutableIn(Object.freeze({ a: Object.freeze({ b: { c: 1 } }) }), 'x')).toEqual(['x.a.b']);
  expect(mutableIn(Object.freeze([Object.freeze({}), []]), 'x')).toEqual(['x.1']);
});

test('setting a field of an exported object throws in strict mode', () => {
  expect(() => { (lib.WORDPRESS_DEFAULTS as { image: string }).image = 'wordpress:latest'; }).toThrow(TypeError);
  expect(() => { (lib.WORDPRESS_DEFAULTS.egress.ports as number[]).push(80); }).toThrow(TypeError);
  expect(() => { (lib.INNODB_CLUSTER_DEFAULTS.resources as { cpu: string }).cpu = '2'; }).toThrow(TypeError);
  expect(() => { lib.TRAEFIK_PODS.podLabels['app.kubernetes.io/name'] = 'nginx'; }).toThrow(TypeError);
  expect(() => { (lib.MYSQL_OPERATOR_VERSIONS.disabled as unknown as string[]).push('8.4.3'); }).toThrow(TypeError);
  expect(() => { (analysis.ALL_RULES as unknown as unknown[]).pop(); }).toThrow(TypeError);
  expect(() => { (analysis.ALL_RULES[0] as { severity: string }).severity = 'warning'; }).toThrow(TypeError);
  expect(() => { (lib.QosClass as { GUARANTEED: string }).GUARANTEED = 'Burstable'; }).toThrow(TypeError);
  expect(lib.WORDPRESS_DEFAULTS.image).toBe('wordpress:6.7.1-apache');
});
