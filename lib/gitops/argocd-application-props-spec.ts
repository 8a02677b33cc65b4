import { optional, PropSpec, required, T } from '../core/prop-spec';
import { ArgoCdApplicationProps } from './argocd-application-props';

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
  automated: optional(T.boolean()),
  prune: optional(T.boolean()),
  selfHeal: optional(T.boolean()),
  resourcesFinalizer: required(T.boolean(), 'true (deleting the Application deletes the workloads and keeps objects marked Delete=false) or false (it orphans everything)'),
};
