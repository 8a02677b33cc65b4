/** Who manages the objects, as app.kubernetes.io/managed-by says. */
export const MANAGED_BY = 'cdk8s';

/** The identity of an application's pods, for the recommended app.kubernetes.io labels. */
export interface AppIdentity {
  /** app.kubernetes.io/name: the application (e.g. `wordpress`). */
  readonly name: string;
  /** app.kubernetes.io/instance: this installation of it (e.g. `blog`). */
  readonly instance: string;
  /** app.kubernetes.io/component: its role in the architecture (e.g. `frontend`, `database`). */
  readonly component?: string;
  /** app.kubernetes.io/part-of: the larger application it belongs to. */
  readonly partOf?: string;
}

/**
 * The labels that select the pods: only ones that never change over the life of the workload
 * (a Deployment's selector is immutable), so never a version and never a generated address.
 */
export function selectorLabels(id: AppIdentity): Record<string, string> {
  return {
    'app.kubernetes.io/name': id.name,
    'app.kubernetes.io/instance': id.instance,
    ...(id.component ? { 'app.kubernetes.io/component': id.component } : {}),
  };
}

/** The recommended labels for every object of the application. */
export function standardLabels(id: AppIdentity): Record<string, string> {
  return {
    ...selectorLabels(id),
    ...(id.partOf ? { 'app.kubernetes.io/part-of': id.partOf } : {}),
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
}
