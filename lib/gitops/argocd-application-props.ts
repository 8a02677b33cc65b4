/** Which files of the source folder Argo CD reads (`spec.source.directory`). */
export interface ArgoCdDirectory {
  /**
   * Read sub-folders too.
   * @default false (each environment folder is a complete Argo CD path; sub-folders are other environments)
   */
  readonly recurse?: boolean;
  /**
   * Glob of files to read, relative to `path`; several as `{a.yaml,b.yaml}`.
   * @default - every .yaml, .yml and .json file
   */
  readonly include?: string;
  /**
   * Glob of files to skip, relative to `path`; several as `{a.json,b.yaml}`. Argo CD fails on a .json
   * file that is not a Kubernetes object, and `cdk8s synth` with validation plugins writes
   * `construct-metadata.json` beside the YAML, so the default skips it at the top of `path` and in
   * every sub-folder (Argo CD's `*` matches across `/`). A glob of your own replaces the default: keep `construct-metadata.json` in it, e.g.
   * `{construct-metadata.json,old.yaml}`.
   * @default ARGOCD_METADATA_EXCLUDE, the metadata file at the top of path and in every sub-folder
   */
  readonly exclude?: string;
}

/** How Argo CD waits between retries of a failed sync. */
export interface ArgoCdBackoff {
  /**
   * The first wait: seconds (`'5'`) or a Go duration (`'5s'`, `'2m'`, `'1h30m'`).
   * @default '5s'
   */
  readonly duration?: string;
  /**
   * What each wait is multiplied by after a failed retry: a whole number of at least 1.
   * @default 2
   */
  readonly factor?: number;
  /**
   * The longest wait, in the same format as `duration`.
   * @default '3m'
   */
  readonly maxDuration?: string;
}

/** Retries of a failed sync (`spec.syncPolicy.retry`). */
export interface ArgoCdRetry {
  /**
   * How many times a failed sync is retried: a whole number; 0 retries never, -1 without limit.
   * @default 5
   */
  readonly limit?: number;
  /**
   * The waits between retries.
   * @default { duration: '5s', factor: 2, maxDuration: '3m' }
   */
  readonly backoff?: ArgoCdBackoff;
}

/** Fields of live objects Argo CD ignores when it compares them with Git (`spec.ignoreDifferences[]`). */
export interface ArgoCdIgnoreDifference {
  /**
   * API group of the objects; '' for the core group.
   * @default '' (the core group)
   */
  readonly group?: string;
  /** Kind of the objects, e.g. `'Deployment'`. */
  readonly kind: string;
  /**
   * Only the object of this name.
   * @default - every object of the kind
   */
  readonly name?: string;
  /**
   * Only objects in this namespace.
   * @default - every namespace
   */
  readonly namespace?: string;
  /**
   * JSON pointers (RFC 6901) of the fields to ignore, e.g. `'/spec/replicas'`.
   * @default - none
   */
  readonly jsonPointers?: string[];
  /**
   * jq path expressions of the fields to ignore, e.g. `'.spec.template.spec.containers[].image'`.
   * @default - none
   */
  readonly jqPathExpressions?: string[];
  /**
   * Field managers whose changes are ignored, e.g. `'kube-controller-manager'`.
   * @default - none
   */
  readonly managedFieldsManagers?: string[];
}

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
   * Argo CD project (an AppProject's name: a DNS-1123 subdomain).
   * @default 'default'
   */
  readonly project?: string;
  /** Namespace the manifests deploy into (a DNS-1123 label; objects that name their own namespace keep it). */
  readonly destinationNamespace: string;
  /**
   * Cluster API server, as a URL (`https://...`). Give either this or `destinationName`.
   * @default 'https://kubernetes.default.svc' (the cluster Argo CD runs in), unless destinationName is set
   */
  readonly destinationServer?: string;
  /**
   * Cluster by the name it was registered with in Argo CD (`argocd cluster add --name`), instead of `destinationServer`.
   * @default - the cluster is named by destinationServer
   */
  readonly destinationName?: string;
  /**
   * Which files of `path` Argo CD reads.
   * @default { recurse: false, exclude: ARGOCD_METADATA_EXCLUDE }
   */
  readonly directory?: ArgoCdDirectory;
  /**
   * Application-wide sync options, `Name=value` as Argo CD spells them, e.g. `'CreateNamespace=true'`,
   * `'ServerSideApply=true'`, `'PrunePropagationPolicy=foreground'`.
   * @default - none
   */
  readonly syncOptions?: string[];
  /**
   * Retries of a failed sync, or false for none. Argo CD attempts an automated sync of a commit once:
   * without retries, a transient failure (an admission webhook restarting, a CRD not yet established, the
   * API server briefly unavailable) leaves the Application failed until the next commit or a manual
   * sync. The default retries 5 times, 5 s apart at first and doubling up to 3 min (about 2.5 min in all),
   * which outlasts such blips and still reports a real failure within minutes.
   * @default { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } (ARGOCD_DEFAULT_RETRY)
   */
  readonly retry?: ArgoCdRetry | false;
  /**
   * Fields Argo CD ignores when it compares the cluster with Git. Autoscaled Deployments render no
   * `spec.replicas`, so the HPA needs none.
   * @default - none
   */
  readonly ignoreDifferences?: ArgoCdIgnoreDifference[];
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
