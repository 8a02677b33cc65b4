/** Props of an ArgoCdApplication. */
export interface ArgoCdApplicationProps {
  /** Name of the Application. */
  readonly name: string;
  /**
   * Namespace Argo CD runs in.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /** Git repository that holds the rendered manifests. */
  readonly repoURL: string;
  /** Folder of rendered manifests in the repository (e.g. `dist`, `dist/staging`); only its own files, not sub-folders. */
  readonly path: string;
  /**
   * Branch, tag or commit to follow.
   * @default 'main'
   */
  readonly targetRevision?: string;
  /**
   * Argo CD project.
   * @default 'default'
   */
  readonly project?: string;
  /** Namespace the manifests deploy into (objects that name their own namespace keep it). */
  readonly destinationNamespace: string;
  /**
   * Cluster API server.
   * @default 'https://kubernetes.default.svc' (the cluster Argo CD runs in)
   */
  readonly destinationServer?: string;
  /**
   * Sync automatically when Git changes.
   * @default true
   */
  readonly automated?: boolean;
  /**
   * With automated sync: delete objects that were removed from Git.
   * @default true
   */
  readonly prune?: boolean;
  /**
   * With automated sync: revert changes made to the cluster by hand.
   * @default true
   */
  readonly selfHeal?: boolean;
  /**
   * Put Argo CD's resources finalizer on the Application, so that deleting it deletes what it deployed
   * (a cascading delete) instead of leaving it running unmanaged. Objects annotated
   * `argocd.argoproj.io/sync-options: Delete=false` are kept either way, which is how WordpressApp keeps
   * its Namespace and claims; objects that hold data without that annotation are deleted with it.
   * Choose explicitly: true to clean up workloads with the Application, false to orphan everything.
   */
  readonly resourcesFinalizer: boolean;
}
