import * as k8s from '../../imports/k8s';

/** A Linux capability the WordPress container keeps, and why the official image needs it. */
export interface KeptCapability {
  readonly capability: string;
  readonly why: string;
}

/**
 * What the wordpress:*-apache container keeps of the runtime's default capabilities; everything else,
 * NET_RAW included, is dropped. From docker-library/php's apache Dockerfile (Apache starts as root,
 * listens on 80, runs its children as www-data, stops on SIGWINCH) and docker-library/wordpress's
 * docker-entrypoint.sh (as root, it chowns the empty docroot, extracts core with `tar --owner www-data`
 * and writes wp-config.php and missing bundled themes into directories www-data owns).
 */
export const APACHE_CAPABILITIES: readonly KeptCapability[] = [
  { capability: 'CHOWN', why: 'the entrypoint chowns the empty docroot and tar gives the extracted core to www-data' },
  { capability: 'DAC_OVERRIDE', why: 'the entrypoint, as root, writes wp-config.php and missing bundled themes into directories owned by www-data' },
  { capability: 'FOWNER', why: 'tar sets the mode and times of files it has just given to www-data' },
  { capability: 'KILL', why: "Apache's root parent signals its www-data children on a graceful stop (SIGWINCH) and when it reclaims them" },
  { capability: 'NET_BIND_SERVICE', why: 'Apache binds port 80, below 1024' },
  { capability: 'SETGID', why: 'Apache switches its children to the www-data group' },
  { capability: 'SETUID', why: 'Apache switches its children to the www-data user' },
];

/** www-data in the Debian-based apache images, which owns wp-content; the wp-cli pods run as it too. */
export const WWW_DATA_UID = 33;

/**
 * The volumes' group: Apache's children and the wp-cli pods write wp-content as www-data, and a fresh
 * claim's root is owned by root. With fsGroup the kubelet gives the claim to group 33 (group-writable,
 * setgid) where the CSI driver supports it; OnRootMismatch skips the walk when the root is already
 * right, so a media library of many files does not slow every start.
 */
const WWW_DATA_FS_GROUP = { fsGroup: WWW_DATA_UID, fsGroupChangePolicy: 'OnRootMismatch' } as const;

/** The pod-level settings every WordPress pod shares: the runtime's default seccomp profile, www-data's volume group. */
export const POD_SECURITY: k8s.PodSecurityContext = { seccompProfile: { type: 'RuntimeDefault' }, ...WWW_DATA_FS_GROUP };

/** The Apache container: no privilege escalation, only the capabilities above (meets Pod Security baseline). */
export const APACHE_SECURITY: k8s.SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'], add: APACHE_CAPABILITIES.map((c) => c.capability) },
};

/** wp-cli pods: non-root www-data, nothing kept, read-only root file system (meets Pod Security restricted). */
export const CLI_POD_SECURITY: k8s.PodSecurityContext = {
  runAsNonRoot: true, runAsUser: WWW_DATA_UID, runAsGroup: WWW_DATA_UID, seccompProfile: { type: 'RuntimeDefault' }, ...WWW_DATA_FS_GROUP,
};

/** wp-cli containers. */
export const CLI_SECURITY: k8s.SecurityContext = {
  allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] },
};
