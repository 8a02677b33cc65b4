/**
 * The public API of zero-downtime-charts: constructs, their props, factory classes and the few functions
 * that build with them. The rules and the audit over plain manifests are `zero-downtime-charts/analysis`;
 * every other module of the package is internal.
 *
 * @module zero-downtime-charts
 */
// lib/analysis.ts is the other entry point. `npm run api` regenerates the API docs and the pinned export
// list after a change here.

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
export { QosClass } from './policy/qos';
export type { DisruptionPolicy } from './policy/disruption';
export type { IntOrPercent } from './grammar/int-or-percent';
export type { AccessMode, ComputeResources, ContainerResources, EnvValue, VolumeProps, VolumeSource } from './deployment/container';
export { DEFAULTS as ZERO_DOWNTIME_DEFAULTS } from './deployment/settings';

// The WordPress stack and its parts
export { WordpressApp, WORDPRESS_DEFAULTS } from './wordpress/wordpress-app';
export type { LocalDevPasswords, WordpressAppProps, WordpressMysqlProps, WordpressStorageProps, WordpressVeleroProps } from './wordpress/props';
export { MysqlDatabase } from './database/mysql-database';
export type { MysqlCredentials, MysqlDatabaseProps } from './database/mysql-database';
export { HttpsIngress } from './ingress/https-ingress';
export { Namespace } from './namespace/namespace';
export type { NamespaceProps, PodSecurityLevel, PodSecurityProps } from './namespace/namespace';
export type { CertManagerCertificateProps, IngressBackend, StandardIngressProps, TraefikIngressProps } from './ingress/https-ingress';
export type { WordpressPhpProps } from './wordpress/props';
export { CLUSTER_DNS_PODS, TRAEFIK_PODS } from './wordpress/network-policies';
export type { PeerPods, WordpressEgressProps } from './wordpress/network-policies';
export { PROMETHEUS_PODS } from './wordpress/metrics';
export type { WordpressMetricsProps } from './wordpress/metrics';
export { SmtpEncryption } from './wordpress/smtp';
export type { SmtpCredentials, WordpressSmtpProps } from './wordpress/smtp';
export { WpCli } from './wordpress/wp-cli';
export type { WordpressAdminSecret, WordpressCronProps, WpCliProps } from './wordpress/wp-cli';

// Apps and GitOps
export { AuditFailedError, ZeroDowntimeApp } from './app/zero-downtime-app';
export type { ZeroDowntimeAppProps } from './app/zero-downtime-app';
export type { AuditReport, SourcePosition, SuppressedViolation, Violation } from './audit/engine';
export type { AuditOptions, Severity } from './audit/rule';
export { synthApps } from './app/synth-apps';
export type { SynthAppsOptions } from './app/synth-apps';
export { KubernetesVersion } from './core/kubernetes-version';
export { ArgoCdApplication } from './gitops/argocd-application';
export { ARGOCD_DEFAULT_RETRY, ARGOCD_METADATA_EXCLUDE } from './gitops/argocd-application';
export type { ArgoCdApplicationProps, ArgoCdBackoff, ArgoCdDirectory, ArgoCdIgnoreDifference, ArgoCdRetry } from './gitops/argocd-application';
export { setSyncWave } from './gitops/sync-waves';
export { asHook, HookPhase, keepOnDeleteAndPrune, KEEP_ON_DELETE_AND_PRUNE, RESOURCES_FINALIZER, SYNC_OPTIONS_ANNOTATION } from './gitops/argocd-annotations';

// The audit as a cdk8s validation plugin
export { ValidationPropertiesError, ZeroDowntimeValidation } from './plugin/zero-downtime-validation';
export type { ZeroDowntimeValidationProps } from './plugin/zero-downtime-validation';
export type { ValidationPluginContext, ValidationPluginReport, ValidationPluginViolatingResource, ValidationPluginViolation } from './plugin/validation-context';

// The database tier: the WordpressDatabase choice and the constructs behind it
export { WordpressDatabase } from './database/wordpress-database';
export type { BoundDatabase, DatabaseBindOptions, EmbeddedDatabaseProps, ExternalDatabaseProps, InnoDbClusterDatabaseProps } from './database/wordpress-database';
export type { DatabaseConnection, SecretKeyReference } from './database/connection';
export { INNODB_CLUSTER_DEFAULTS, MysqlInnoDbCluster, MYSQL_OPERATOR_VERSIONS } from './database/innodb-cluster';
export type { MysqlInnoDbClusterProps } from './database/innodb-cluster';
export { InnoDbBackupStorage, INNODB_BACKUP_DEFAULTS } from './database/innodb-backup';
export type { InnoDbAzureBackupProps, InnoDbBackupProps, InnoDbClaimBackupProps, InnoDbOciBackupProps, InnoDbRestoreProps, InnoDbS3BackupProps } from './database/innodb-backup';
export { InnoDbClusterNetworkPolicies, MYSQL_OPERATOR_PODS, ROUTER_PORTS } from './database/innodb-network';
export type { InnoDbClusterNetworkPoliciesProps } from './database/innodb-network';
export { VeleroSchedule, VELERO_SCHEDULE_DEFAULTS, veleroBackupVolumes } from './database/velero-schedule';
export type { VeleroScheduleProps } from './database/velero-schedule';
export { MysqlDumpBackup, MYSQL_DUMP_DEFAULTS } from './database/mysql-dump-backup';
export type { DumpCredentials, MysqlDumpBackupProps, MysqlDumpSettings } from './database/mysql-dump-backup';
