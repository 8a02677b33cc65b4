// The public API of zero-downtime-charts: what is exported here is supported; every other module is
// internal. `npm run api` regenerates docs/API.md and the pinned export list after a change here.

// Errors
export { ConfigurationError } from './core/configuration-error';
export type { PropProblem, RefusedConstruct } from './core/configuration-error';
export type { AppIdentity } from './core/labels';

// ZeroDowntimeDeployment: constructs, props and union-like classes
export { ZeroDowntimeDeployment } from './deployment/zero-downtime-deployment';
export type { AutoscalingProps, RolloutProps, ServiceProps, SpreadProps, ZeroDowntimeDeploymentProps } from './deployment/props';
export { Probe } from './deployment/probe';
export type { HttpGetProbeOptions, ProbeTimingOptions, TcpSocketProbeOptions } from './deployment/probe';
export { PreStop, PreStopKind } from './deployment/pre-stop';
export type { HttpPreStopOptions } from './deployment/pre-stop';
export { guaranteedResources } from './deployment/container';
export type { AccessMode, ComputeResources, ContainerResources, EnvValue, VolumeProps, VolumeSource } from './deployment/container';
export { DEFAULTS as ZERO_DOWNTIME_DEFAULTS } from './deployment/settings';

// The WordPress stack and its parts
export { WordpressApp, WORDPRESS_DEFAULTS } from './wordpress/wordpress-app';
export type { LocalDevPasswords, WordpressAppProps, WordpressMysqlProps, WordpressStorageProps, WordpressVeleroProps } from './wordpress/props';
export { MysqlDatabase } from './database/mysql-database';
export type { MysqlCredentials, MysqlDatabaseProps } from './database/mysql-database';
export { HttpsIngress } from './ingress/https-ingress';
export type { CertManagerCertificateProps, IngressBackend, StandardIngressProps, TraefikIngressProps } from './ingress/https-ingress';
export type { WordpressPhpProps } from './wordpress/props';
export { CLUSTER_DNS_PODS, TRAEFIK_PODS } from './wordpress/network-policies';
export type { PeerPods, WordpressEgressProps } from './wordpress/network-policies';
export { WpCli } from './wordpress/wp-cli';
export type { WordpressAdminSecret, WordpressCronProps, WpCliProps } from './wordpress/wp-cli';
export { requiredMemoryMi as wordpressMemoryMi } from './wordpress/php-memory';
export type { PhpWorkerBudget } from './wordpress/php-memory';

// Apps and GitOps
export { AuditFailedError, ZeroDowntimeApp } from './app/zero-downtime-app';
export type { ZeroDowntimeAppProps } from './app/zero-downtime-app';
export { ArgoCdApplication } from './gitops/argocd-application';
export type { ArgoCdApplicationProps } from './gitops/argocd-application';
export { setSyncWave } from './gitops/sync-waves';
export { asHook, HookPhase, keepOnDeleteAndPrune, KEEP_ON_DELETE_AND_PRUNE, RESOURCES_FINALIZER, SYNC_OPTIONS_ANNOTATION } from './gitops/argocd-annotations';
export { deletedWithApplication, holdsData, prunedBySync } from './gitops/argocd-deletions';
export type { GitOpsObject } from './gitops/argocd-deletions';

// NetworkPolicy and Pod Security semantics over plain data
export { evaluateConnection } from './network/evaluate';
export type { Connection as NetworkConnection, DirectionVerdict, Endpoint as NetworkEndpoint, ExternalEndpoint, NetworkPolicyManifest, PodEndpoint, PolicyPeer, PolicyPort, Verdict as NetworkVerdict } from './network/evaluate';
export type { PlainLabelSelector } from './network/label-selector';
export { baselineProblems, podSecurityLevel, restrictedProblems } from './security/pod-security';
export type { PodSecurityLevel } from './security/pod-security';

// The audit: rules over plain manifests, from files or from a synthesized app
export { audit } from './audit/engine';
export type { AuditReport, AuditRunOptions, SourcePosition, SuppressedViolation, Violation } from './audit/engine';
export { ALL_RULES } from './audit/rules';
export type { AuditOptions, Rule, RuleHit, Severity } from './audit/rule';
export type { AuditContext, AuditContextOptions, ContainerAt, LabelSelector, Manifest, Workload } from './audit/model';
export { loadManifests, parseManifests, UnusableInputError } from './audit/load';
export type { LoadedManifests, LoadOptions, SkippedInput } from './audit/load';
export { ignoreAnnotation } from './audit/annotations';
export { formatAuditReport } from './audit/report';
export { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from './audit/rollout-plan';
export type { JobPlan, RolloutPlan } from './audit/rollout-plan';

// The audit as a cdk8s validation plugin
export { ValidationPropertiesError, ZeroDowntimeValidation } from './plugin/zero-downtime-validation';
export type { ZeroDowntimeValidationProps } from './plugin/zero-downtime-validation';
export type { ValidationPluginContext, ValidationPluginReport, ValidationPluginViolatingResource, ValidationPluginViolation } from './plugin/validation-context';

// Policy: the rules the constructs and the audit share, as plain functions over plain data
export type { Finding } from './policy/finding';
export { allowedDisruptions, disruptionProblems } from './policy/disruption';
export type { DisruptionPolicy } from './policy/disruption';
export { imagePinProblem } from './policy/image';
export { parseImage } from './validation/image';
export type { ImageReference } from './validation/image';
export { intOrPercentProblem, scaleIntOrPercent } from './grammar/int-or-percent';
export type { IntOrPercent } from './grammar/int-or-percent';
export { QosClass, qosClassOf, resourceProblems } from './policy/qos';
export type { ResourceRequirements } from './policy/qos';
export { rollingUpdateProblems, rolloutArithmetic, rolloutSecondsLowerBound } from './policy/rollout';
export type { ProbeTimings, RollingUpdateInput, RolloutArithmetic } from './policy/rollout';
export { DEFAULT_ENDPOINT_PROPAGATION_SECONDS, endpointPropagationProblem, shutdownProblems } from './policy/shutdown';
export type { ShutdownTimings } from './policy/shutdown';
export { multiAttachProblem } from './policy/volumes';

// The database tier: the WordpressDatabase choice and the constructs behind it
export { WordpressDatabase } from './database/wordpress-database';
export type { BoundDatabase, DatabaseBindOptions, EmbeddedDatabaseProps, ExternalDatabaseProps, InnoDbClusterDatabaseProps } from './database/wordpress-database';
export type { DatabaseConnection, SecretKeyReference } from './database/connection';
export { INNODB_CLUSTER_DEFAULTS, MysqlInnoDbCluster, MYSQL_OPERATOR_VERSIONS } from './database/innodb-cluster';
export type { MysqlInnoDbClusterProps } from './database/innodb-cluster';
export { InnoDbBackupStorage, INNODB_BACKUP_DEFAULTS } from './database/innodb-backup';
export type { InnoDbBackupProps, InnoDbClaimBackupProps, InnoDbS3BackupProps } from './database/innodb-backup';
export { InnoDbClusterNetworkPolicies, MYSQL_OPERATOR_PODS, ROUTER_PORTS } from './database/innodb-network';
export type { InnoDbClusterNetworkPoliciesProps } from './database/innodb-network';
export { VeleroSchedule, VELERO_SCHEDULE_DEFAULTS, veleroBackupVolumes } from './database/velero-schedule';
export { MYSQL_APP_USER_SCRIPT, MYSQL_DUMP_SCRIPT, MYSQL_RESTORE_SCRIPT } from './database/scripts';
export type { VeleroScheduleProps } from './database/velero-schedule';
export { MysqlDumpBackup, MYSQL_DUMP_DEFAULTS, restoreCommand } from './database/mysql-dump-backup';
export type { DumpCredentials, MysqlDumpBackupProps, MysqlDumpSettings } from './database/mysql-dump-backup';
