/** Access modes that attach a volume to a single node (or a single pod). */
export function isSingleAttach(accessMode: string | undefined): boolean {
  return accessMode === 'ReadWriteOnce' || accessMode === 'ReadWriteOncePod';
}

/**
 * Why a claim with this access mode cannot back a Deployment that surges by `surge` pods and runs up to
 * `mostPods` pods, or undefined when it can: a single-attach volume cannot follow a second pod onto
 * another node, so that pod hangs in ContainerCreating with a Multi-Attach error.
 */
export function multiAttachProblem(accessMode: string | undefined, surge: number, mostPods: number): string | undefined {
  if (!isSingleAttach(accessMode) || (surge === 0 && mostPods <= 1)) return undefined;
  const why = surge > 0
    ? `a rollout with maxSurge ${surge} starts the new pod while the old one still holds the volume`
    : `${mostPods} replicas share it`;
  return `${accessMode} attaches to one node, but ${why}: the new pod hangs in ContainerCreating with a Multi-Attach error`;
}

/** The fix for a multi-attach problem. */
export const MULTI_ATTACH_FIX = 'use a ReadWriteMany claim (e.g. CephFS, NFS, EFS), or run the workload as a StatefulSet with one claim per pod';
