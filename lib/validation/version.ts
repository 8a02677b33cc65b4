/**
 * The Kubernetes version the rules follow. The target is 1.27; a few rules changed later and follow
 * the version asked for (validateObject's `kubernetesVersion` option):
 * - init containers with restartPolicy Always (sidecars) may have probes and hooks from 1.29
 *   (SidecarContainers beta), and env may read status.hostIPs from 1.29 (PodHostIPs beta);
 * - lifecycle `sleep` hooks exist from 1.30 (PodLifecycleSleepAction beta, on by default), and may
 *   sleep 0 seconds from 1.33 (PodLifecycleSleepActionAllowZero beta);
 * - relaxed environment variable names from 1.32 (RelaxedEnvironmentVariableValidation beta);
 * - a LoadBalancer may expose the kubelet port in 1.34 (the release that dropped the check is not pinned).
 */

/** The minor version of the target, Kubernetes 1.27. */
export const TARGET_MINOR = 27;

/** The minor version of `1.30`, `v1.30.2`, or undefined when it is not a 1.x version. */
export function parseMinor(version: string): number | undefined {
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}
