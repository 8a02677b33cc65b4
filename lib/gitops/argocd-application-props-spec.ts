import { optional, PropSpec, required, T } from '../core/prop-spec';
import { ArgoCdApplicationProps } from './argocd-application-props';

const strings = () => T.array(T.string());

/** The runtime shape of ArgoCdApplicationProps, for callers without the type checker. */
export const ARGOCD_APPLICATION_PROPS: PropSpec<ArgoCdApplicationProps> = {
  name: required(T.string(), "'wordpress'"),
  namespace: optional(T.string(), "'argocd'"),
  repoURL: required(T.string(), "'https://github.com/acme/gitops.git'"),
  path: required(T.string(), "'dist'"),
  targetRevision: optional(T.string(), "'main'"),
  project: optional(T.string(), "'default'"),
  destinationNamespace: required(T.string(), "'shop'"),
  destinationServer: optional(T.string(), "'https://kubernetes.default.svc'"),
  destinationName: optional(T.string(), "'in-cluster'"),
  directory: optional(T.shape('ArgoCdDirectory', {
    recurse: optional(T.boolean()),
    include: optional(T.string(), "'*.yaml'"),
    exclude: optional(T.string(), "'{construct-metadata.json,*/construct-metadata.json}'"),
  })),
  syncOptions: optional(strings(), "['CreateNamespace=true']"),
  retry: optional(T.union(T.boolean(), T.shape('ArgoCdRetry', {
    limit: optional(T.number(), '5'),
    backoff: optional(T.shape('ArgoCdBackoff', {
      duration: optional(T.string(), "'5s'"),
      factor: optional(T.number(), '2'),
      maxDuration: optional(T.string(), "'3m'"),
    })),
  }))),
  ignoreDifferences: optional(T.array(T.shape('ArgoCdIgnoreDifference', {
    group: optional(T.string(), "'apps'"),
    kind: required(T.string(), "'Deployment'"),
    name: optional(T.string()),
    namespace: optional(T.string()),
    jsonPointers: optional(strings(), "['/spec/replicas']"),
    jqPathExpressions: optional(strings()),
    managedFieldsManagers: optional(strings()),
  }))),
  automated: optional(T.boolean()),
  prune: optional(T.boolean()),
  selfHeal: optional(T.boolean()),
  resourcesFinalizer: required(T.boolean(), 'true (deleting the Application deletes the workloads and keeps objects marked Delete=false) or false (it orphans everything)'),
};
