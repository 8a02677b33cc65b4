/**
 * The rules and the audit over plain manifests (JSON as rendered, or YAML files), for programs and tests
 * that inspect manifests rather than build them. The constructs are in the package root,
 * `zero-downtime-charts`.
 *
 * @module zero-downtime-charts/analysis
 */
// The constructs' entry point is lib/index.ts. `npm run api` regenerates the API docs and the pinned
// export list after a change here.

// NetworkPolicy and Pod Security semantics over plain data
export { evaluateConnection } from './network/evaluate';
export type {
  Connection as NetworkConnection,
  DirectionVerdict,
  Endpoint as NetworkEndpoint,
  ExternalEndpoint,
  NetworkPolicyManifest,
  PodEndpoint,
  PolicyPeer,
  PolicyPort,
  Verdict as NetworkVerdict,
} from './network/evaluate';
export {
  ACME_HTTP01_SOLVER_LABELS, ACME_HTTP01_SOLVER_PORT, acmeHttp01SolverPolicy, dnsEgressRule, ingressControllerPeers, INTERNET_CIDRS, NODE_LOCAL_DNS_IP, podsPeer,
} from './network/peers';
export type { AcmeSolverPolicyOptions, NamespacedPods, PlainNetworkPolicy, PlainPeer, PlainPort } from './network/peers';
export type { LabelSelector as PlainLabelSelector } from './grammar/label-selector';
export { baselineProblems, podSecurityLevel, restrictedProblems } from './security/pod-security';
export type { PodSecurityLevel } from './security/pod-security';

// The audit: rules over plain manifests, from files or from a synthesized app
export { audit } from './audit/engine';
export type { AuditRunOptions } from './audit/engine';
export { ALL_RULES } from './audit/rules';
export type { Rule, RuleHit } from './audit/rule';
export type { AuditContext, AuditContextOptions, ContainerAt, LabelSelector, Manifest, Workload } from './audit/model';
export { loadManifests, parseManifests, UnusableInputError } from './audit/load';
export type { LoadedManifests, LoadOptions, SkippedInput } from './audit/load';
export { ignoreAnnotation } from './audit/annotations';
export { formatAuditReport } from './audit/report';
export { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from './audit/rollout-plan';
export type { JobPlan, RolloutPlan } from './audit/rollout-plan';

// Argo CD's deletion semantics over plain manifests
export { deletedWithApplication, holdsData, prunedBySync } from './gitops/argocd-deletions';
export type { GitOpsObject } from './gitops/argocd-deletions';

// Policy: the rules the constructs and the audit share, as plain functions over plain data
export type { Finding, FindingCode } from './grammar/finding';
export { allowedDisruptions, disruptionProblems } from './policy/disruption';
export { imagePinProblem } from './policy/image';
export { parseImage } from './validation/image';
export type { ImageReference } from './validation/image';
export { intOrPercentProblem, scaleIntOrPercent } from './grammar/int-or-percent';
export { qosClassOf, resourceProblems } from './policy/qos';
export type { ResourceRequirements } from './policy/qos';
export { rollingUpdateProblems, rolloutArithmetic, rolloutSecondsLowerBound } from './policy/rollout';
export type { ProbeTimings, RollingUpdateInput, RolloutArithmetic } from './policy/rollout';
export { DEFAULT_ENDPOINT_PROPAGATION_SECONDS, endpointPropagationProblem, shutdownProblems } from './policy/shutdown';
export type { ShutdownTimings } from './policy/shutdown';
export { multiAttachProblem } from './policy/volumes';
