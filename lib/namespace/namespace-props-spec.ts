import { optional, PropSpec, T } from '../core/prop-spec';
import { NamespaceProps, PodSecurityProps } from './namespace-props';

/** The levels of the Pod Security Standards. */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;

const LEVEL = T.oneOf(...POD_SECURITY_LEVELS);

const POD_SECURITY_PROPS: PropSpec<PodSecurityProps> = {
  enforce: optional(LEVEL, "'baseline'"),
  audit: optional(LEVEL, "'restricted'"),
  warn: optional(LEVEL, "'restricted'"),
  version: optional(T.string(), "'v1.30'"),
};

/** The runtime shape of NamespaceProps, for callers without the type checker. */
export const NAMESPACE_PROPS: PropSpec<NamespaceProps> = {
  name: optional(T.string(), "'blog'"),
  podSecurity: optional(T.shape('PodSecurityProps', POD_SECURITY_PROPS)),
  keepOnDelete: optional(T.boolean(), 'true'),
  labels: optional(T.record(T.string())),
  annotations: optional(T.record(T.string())),
};
