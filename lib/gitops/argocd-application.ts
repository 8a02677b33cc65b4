import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { PropChecker } from '../core/configuration-error';
import { acceptProps, withholdFields } from '../core/accept-props';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, nameFormatProblem } from '../validation/names';
import { ARGOCD_APPLICATION_PROPS } from './argocd-application-props-spec';
import { RESOURCES_FINALIZER } from './argocd-annotations';
import type { ArgoCdApplicationProps, ArgoCdIgnoreDifference, ArgoCdRetry } from './argocd-application-props';
import { ARGOCD_DEFAULT_RETRY, ARGOCD_METADATA_EXCLUDE, globProblem, isArgoCdDuration, isServerUrl, jsonPointerProblem, syncOptionProblem } from './argocd-formats';

export type { ArgoCdApplicationProps, ArgoCdBackoff, ArgoCdDirectory, ArgoCdIgnoreDifference, ArgoCdRetry } from './argocd-application-props';
export { ARGOCD_DEFAULT_RETRY, ARGOCD_METADATA_EXCLUDE } from './argocd-formats';

/**
 * An Argo CD Application (argoproj.io/v1alpha1) that syncs one folder of rendered manifests. No
 * ignoreDifferences for the HPA is needed: autoscaled Deployments render no spec.replicas.
 */
export class ArgoCdApplication extends Construct {
  /** The Application object. */
  public readonly application!: ApiObject;

  constructor(scope: Construct, id: string, props: ArgoCdApplicationProps) {
    super(scope, id);
    if (!acceptProps(this, 'ArgoCdApplication', props, ARGOCD_APPLICATION_PROPS)) {
      withholdFields(this, ['application']);
      return;
    }
    const check = new PropChecker();
    checkNames(check, props);
    if (!/^(https:\/\/|ssh:\/\/|git@)\S+$/.test(props.repoURL ?? '')) check.add('repoURL', props.repoURL, 'is not an https, ssh or git@ repository URL', "use the clone URL, e.g. 'https://github.com/acme/gitops.git'");
    if (!props.path || props.path.startsWith('/') || props.path.split('/').includes('..'))
      check.add('path', props.path, 'must be a folder relative to the repository root', "use e.g. 'dist' or 'dist/staging'");
    if (props.automated === false && (props.prune !== undefined || props.selfHeal !== undefined)) {
      check.add('prune/selfHeal', { prune: props.prune, selfHeal: props.selfHeal }, 'only apply to automated sync, which is off', 'drop them, or set automated: true');
    }
    for (const key of ['include', 'exclude'] as const) {
      const glob = props.directory?.[key];
      const problem = glob === undefined ? undefined : globProblem(glob);
      if (problem) check.add(`directory.${key}`, glob, problem, key === 'exclude' ? `use e.g. '${ARGOCD_METADATA_EXCLUDE}'` : "use e.g. '*.yaml' or '{app.yaml,db/*.yaml}'");
    }
    (props.syncOptions ?? []).forEach((option, i) => {
      const problem = syncOptionProblem(option);
      if (problem) check.add(`syncOptions[${i}]`, option, problem.problem, problem.fix);
    });
    if (props.retry !== undefined && props.retry !== false) checkRetry(check, props.retry);
    (props.ignoreDifferences ?? []).forEach((d, i) => checkIgnoreDifference(check, d, `ignoreDifferences[${i}]`));
    check.reportTo(this);

    const automated = props.automated ?? true;
    const retry = props.retry === false ? undefined : props.retry ?? (automated ? ARGOCD_DEFAULT_RETRY : undefined);
    const syncPolicy = {
      ...(automated ? { automated: { prune: props.prune ?? true, selfHeal: props.selfHeal ?? true } } : {}),
      ...(props.syncOptions?.length ? { syncOptions: [...props.syncOptions] } : {}),
      ...(retry ? { retry: renderRetry(retry) } : {}),
    };
    const directory = props.directory ?? {};
    this.application = new ApiObject(this, 'Application', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: props.name,
        namespace: props.namespace ?? 'argocd',
        ...(props.resourcesFinalizer ? { finalizers: [RESOURCES_FINALIZER] } : {}),
      },
      spec: {
        project: props.project ?? 'default',
        source: {
          repoURL: props.repoURL, targetRevision: props.targetRevision ?? 'main', path: props.path,
          directory: {
            recurse: directory.recurse ?? false, exclude: directory.exclude ?? ARGOCD_METADATA_EXCLUDE,
            ...(directory.include !== undefined ? { include: directory.include } : {}),
          },
        },
        destination: {
          ...(props.destinationName !== undefined ? { name: props.destinationName } : { server: props.destinationServer ?? 'https://kubernetes.default.svc' }),
          namespace: props.destinationNamespace,
        },
        ...(props.ignoreDifferences?.length ? { ignoreDifferences: props.ignoreDifferences.map(renderIgnoreDifference) } : {}),
        ...(Object.keys(syncPolicy).length > 0 ? { syncPolicy } : {}),
      },
    });
  }
}

/** The Application's names and destination, in the formats Kubernetes and Argo CD accept. */
function checkNames(check: PropChecker, props: ArgoCdApplicationProps): void {
  const format = (prop: string, value: string | undefined, f: typeof DNS1123_LABEL, what: string) => {
    const problem = value === undefined ? undefined : nameFormatProblem(f, value);
    if (problem) check.add(prop, value, `is not a valid ${what} (a ${f.title}): ${problem.reasons}`, problem.fix);
  };
  format('name', props.name, DNS1123_SUBDOMAIN, 'Application name');
  format('namespace', props.namespace, DNS1123_LABEL, 'namespace');
  format('project', props.project, DNS1123_SUBDOMAIN, 'Argo CD project name');
  format('destinationNamespace', props.destinationNamespace, DNS1123_LABEL, 'namespace');
  if (props.destinationServer !== undefined && props.destinationName !== undefined) {
    check.add('destinationServer/destinationName', { destinationServer: props.destinationServer, destinationName: props.destinationName },
      'name the cluster twice; Argo CD refuses an Application with both', 'keep one of them');
  }
  if (props.destinationServer !== undefined && !isServerUrl(props.destinationServer)) {
    check.add('destinationServer', props.destinationServer, 'is not a cluster API server URL',
      "use the URL Argo CD registered the cluster with, e.g. 'https://kubernetes.default.svc' or 'https://10.0.0.1:6443', or set destinationName to the cluster's name");
  }
  if (props.destinationName !== undefined && props.destinationName.trim() === '') {
    check.add('destinationName', props.destinationName, 'is empty', "use the cluster's name in Argo CD, e.g. 'in-cluster'");
  }
}

function checkRetry(check: PropChecker, retry: ArgoCdRetry | true): void {
  if (retry === true) {
    check.add('retry', retry, 'must be false or a retry object', 'leave it out for the default retry, or set e.g. retry: { limit: 5 }');
    return;
  }
  if (retry.limit !== undefined && (!Number.isSafeInteger(retry.limit) || retry.limit < -1)) {
    check.add('retry.limit', retry.limit, 'must be a whole number: 0 for no retry, -1 for no limit', 'use e.g. 5');
  }
  const backoff = retry.backoff ?? {};
  for (const key of ['duration', 'maxDuration'] as const) {
    const value = backoff[key];
    if (value !== undefined && !isArgoCdDuration(value)) {
      check.add(`retry.backoff.${key}`, value, 'is not a duration Argo CD reads (seconds, or a number with ns, us, ms, s, m or h)',
        `use e.g. '${ARGOCD_DEFAULT_RETRY.backoff[key]}'`);
    }
  }
  if (backoff.factor !== undefined && (!Number.isSafeInteger(backoff.factor) || backoff.factor < 1)) {
    check.add('retry.backoff.factor', backoff.factor, 'must be a whole number of at least 1', 'use e.g. 2');
  }
}

function checkIgnoreDifference(check: PropChecker, d: ArgoCdIgnoreDifference, prop: string): void {
  if (d.kind.trim() === '') check.add(`${prop}.kind`, d.kind, 'is empty', "use the kind, e.g. 'Deployment'");
  if (d.group !== undefined && d.group !== '' && nameFormatProblem(DNS1123_SUBDOMAIN, d.group)) {
    check.add(`${prop}.group`, d.group, 'is not an API group (a DNS-1123 subdomain, or empty for the core group)', "use e.g. 'apps', or '' for core kinds");
  }
  const fields = [...d.jsonPointers ?? [], ...d.jqPathExpressions ?? [], ...d.managedFieldsManagers ?? []];
  if (fields.length === 0) {
    check.add(prop, d, 'says which objects but not which fields, so Argo CD ignores nothing',
      "add jsonPointers (e.g. ['/spec/replicas']), jqPathExpressions or managedFieldsManagers");
  }
  (d.jsonPointers ?? []).forEach((p, i) => {
    const problem = jsonPointerProblem(p);
    if (problem) check.add(`${prop}.jsonPointers[${i}]`, p, problem, `write e.g. '/${p.replace(/^[/.]+/, '').replace(/\./g, '/')}'`);
  });
  (d.jqPathExpressions ?? []).forEach((e, i) => {
    if (e.trim().startsWith('.')) return;
    check.add(`${prop}.jqPathExpressions[${i}]`, e, "is not a jq path expression (it starts with '.')", `write e.g. '.${e.trim().replace(/^\/+/, '').replace(/\//g, '.')}'`);
  });
}

function renderRetry(retry: ArgoCdRetry) {
  const backoff = { ...ARGOCD_DEFAULT_RETRY.backoff, ...retry.backoff };
  return { limit: retry.limit ?? ARGOCD_DEFAULT_RETRY.limit, backoff };
}

function renderIgnoreDifference(d: ArgoCdIgnoreDifference) {
  return {
    group: d.group ?? '', kind: d.kind,
    ...(d.name !== undefined ? { name: d.name } : {}),
    ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
    ...(d.jsonPointers?.length ? { jsonPointers: [...d.jsonPointers] } : {}),
    ...(d.jqPathExpressions?.length ? { jqPathExpressions: [...d.jqPathExpressions] } : {}),
    ...(d.managedFieldsManagers?.length ? { managedFieldsManagers: [...d.managedFieldsManagers] } : {}),
  };
}
