import { Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { acceptProps, withholdFields } from '../core/accept-props';
import { mapFieldsToProps } from '../core/checked-constructs';
import { PropChecker } from '../core/configuration-error';
import { KubernetesVersion } from '../core/kubernetes-version';
import { MANAGED_BY } from '../core/labels';
import { PropProblem } from '../core/prop-problem';
import { KEEP_ON_DELETE_AND_PRUNE, SYNC_OPTIONS_ANNOTATION } from '../grammar/argocd';
import { DNS1123_LABEL, nameFormatProblem } from '../validation/names';
import { NamespaceProps, PodSecurityLevel } from './namespace-props';
import { NAMESPACE_PROPS } from './namespace-props-spec';

export type { NamespaceProps, PodSecurityLevel, PodSecurityProps } from './namespace-props';

const POD_SECURITY_PREFIX = 'pod-security.kubernetes.io/';
const VERSION = /^(v1\.(0|[1-9]\d*)|latest)$/;

/**
 * A Namespace with Pod Security admission labels (enforce, audit, warn, each with its version) and, by
 * default, Argo CD's `Delete=false,Prune=false`, so that deleting the Application, or removing the
 * Namespace from Git, never deletes the Namespace and the data of its volumes with it.
 *
 * Cluster-scoped: it renders no `metadata.namespace`, even inside a Chart that has one.
 */
export class Namespace extends Construct {
  /** The Namespace's name. */
  public readonly name!: string;
  /** The Namespace object. */
  public readonly namespace!: k8s.KubeNamespace;

  constructor(scope: Construct, id: string, props: NamespaceProps = {}) {
    super(scope, id);
    const chartNamespace = Chart.of(this).namespace;
    const targetVersion = KubernetesVersion.of(this);
    if (!acceptProps(this, 'Namespace', props ?? {}, NAMESPACE_PROPS, (p: NamespaceProps) => namespaceProblems(p, chartNamespace))) {
      withholdFields(this, ['name', 'namespace']);
      return;
    }
    this.name = props.name ?? chartNamespace ?? '';
    const ps = props.podSecurity ?? {};
    const version = ps.version ?? `v${/^v?(1\.\d+)/.exec(targetVersion)?.[1] ?? targetVersion}`;
    const levels: Record<string, PodSecurityLevel> = { enforce: ps.enforce ?? 'baseline', audit: ps.audit ?? 'restricted', warn: ps.warn ?? 'restricted' };
    const podSecurityLabels = Object.fromEntries(Object.entries(levels).flatMap(([mode, level]) => [
      [`${POD_SECURITY_PREFIX}${mode}`, level],
      [`${POD_SECURITY_PREFIX}${mode}-version`, version],
    ]));
    const annotations = { ...props.annotations, ...(props.keepOnDelete ?? true ? { [SYNC_OPTIONS_ANNOTATION]: KEEP_ON_DELETE_AND_PRUNE } : {}) };
    this.namespace = new k8s.KubeNamespace(this, 'Namespace', {
      metadata: {
        name: this.name,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, ...props.labels, ...podSecurityLabels },
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      },
    });
    // A Chart's namespace is stamped on every object it holds; a Namespace is cluster-scoped.
    if (chartNamespace !== undefined) this.namespace.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    mapFieldsToProps(this.namespace, () => ({
      'metadata.name': 'name',
      'metadata.labels': 'labels',
      'metadata.annotations': 'annotations',
      ...Object.fromEntries(Object.keys(levels).flatMap((mode) => [
        [`metadata.labels[${POD_SECURITY_PREFIX}${mode}]`, `podSecurity.${mode}`],
        [`metadata.labels[${POD_SECURITY_PREFIX}${mode}-version]`, 'podSecurity.version'],
      ])),
    }));
  }
}

/** The problems of well-typed props: the name, the version, and labels that podSecurity owns. */
function namespaceProblems(p: NamespaceProps, chartNamespace: string | undefined): PropProblem[] {
  const check = new PropChecker();
  const name = p.name ?? chartNamespace;
  if (name === undefined) {
    check.add('name', undefined, 'is required when the Chart has no namespace', "give the name, e.g. name: 'blog', or new Chart(app, 'blog', { namespace: 'blog' })");
  } else {
    const problem = nameFormatProblem(DNS1123_LABEL, name);
    if (problem) check.add(p.name === undefined ? 'name (the Chart\'s namespace)' : 'name', name, `must be a DNS-1123 label: ${problem.reasons}`, problem.fix);
  }
  const version = p.podSecurity?.version;
  if (version !== undefined && !VERSION.test(version))
    check.add('podSecurity.version', version, "is not a Pod Security version: the API server's admission accepts 'v1.N' or 'latest'",
      "use the oldest cluster version, e.g. 'v1.30', or 'latest'");
  for (const key of Object.keys(p.labels ?? {})) {
    if (!key.startsWith(POD_SECURITY_PREFIX)) continue;
    const mode = key.slice(POD_SECURITY_PREFIX.length).replace(/-version$/, '');
    const prop = key.endsWith('-version') ? 'podSecurity.version' : `podSecurity.${mode}`;
    check.add(`labels[${key}]`, p.labels![key], 'is a Pod Security label, which podSecurity sets', `remove it from labels and set ${prop}`);
  }
  return [...check.all];
}
