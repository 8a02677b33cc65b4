import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { PropChecker } from '../core/configuration-error';
import { acceptProps, withholdFields } from '../core/accept-props';
import { ARGOCD_APPLICATION_PROPS } from './argocd-application-props-spec';
import { RESOURCES_FINALIZER } from './argocd-annotations';
import type { ArgoCdApplicationProps } from './argocd-application-props';

export type { ArgoCdApplicationProps } from './argocd-application-props';

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
    if (!/^(https:\/\/|ssh:\/\/|git@)\S+$/.test(props.repoURL ?? '')) check.add('repoURL', props.repoURL, 'is not an https, ssh or git@ repository URL', "use the clone URL, e.g. 'https://github.com/acme/gitops.git'");
    if (!props.path || props.path.startsWith('/') || props.path.split('/').includes('..'))
      check.add('path', props.path, 'must be a folder relative to the repository root', "use e.g. 'dist' or 'dist/staging'");
    if (props.automated === false && (props.prune !== undefined || props.selfHeal !== undefined)) {
      check.add('prune/selfHeal', { prune: props.prune, selfHeal: props.selfHeal }, 'only apply to automated sync, which is off', 'drop them, or set automated: true');
    }
    check.reportTo(this);

    const automated = props.automated ?? true;
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
        source: { repoURL: props.repoURL, targetRevision: props.targetRevision ?? 'main', path: props.path, directory: { recurse: false } },
        destination: { server: props.destinationServer ?? 'https://kubernetes.default.svc', namespace: props.destinationNamespace },
        ...(automated ? { syncPolicy: { automated: { prune: props.prune ?? true, selfHeal: props.selfHeal ?? true } } } : {}),
      },
    });
  }
}
