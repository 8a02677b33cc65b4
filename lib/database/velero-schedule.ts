import { Construct } from 'constructs';
import { Schedule } from '../../imports/velero-schedule-velero.io';
import { acceptProps, withholdFields } from '../core/accept-props';
import { PropChecker, PropProblem } from '../core/configuration-error';
import { VELERO_SCHEDULE_PROPS } from './props-spec';
import { DatabaseChecks } from './validate';
import { deepFreeze } from '../grammar/freeze';
import type { VeleroScheduleProps } from './velero-schedule-props';

export type { VeleroScheduleProps } from './velero-schedule-props';

/** The pod annotation that opts volumes into Velero's file-system backup (Kopia). */
export const VELERO_BACKUP_VOLUMES_ANNOTATION = 'backup.velero.io/backup-volumes';

/** The defaults of a VeleroSchedule. */
export const VELERO_SCHEDULE_DEFAULTS = deepFreeze({ veleroNamespace: 'velero', schedule: '7 2 * * *', ttl: '720h0m0s' });

const GO_DURATION = /^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/;

/** Why a TTL is not a positive Go duration. */
export function ttlProblem(ttl: unknown): string | undefined {
  if (typeof ttl !== 'string' || !GO_DURATION.test(ttl)) return 'is not a Go duration such as 720h0m0s';
  if (!/[1-9]/.test(ttl)) return 'is zero: Velero would delete each backup as soon as it is made';
  return undefined;
}

/**
 * A Velero Schedule (velero.io/v1) that backs up the application's namespace: every object, and the
 * volumes its pods opt into with `veleroBackupVolumes()` (file-system backup, which works for
 * ReadWriteMany CephFS claims that CSI snapshots may not cover). Databases are left to their own
 * dumps: a file copy of a running InnoDB data directory is not a consistent backup.
 * Velero must be installed in the cluster (see the README).
 */
export class VeleroSchedule extends Construct {
  public readonly schedule!: Schedule;

  constructor(scope: Construct, id: string, props: VeleroScheduleProps) {
    super(scope, id);
    if (!acceptProps(this, 'VeleroSchedule', props, VELERO_SCHEDULE_PROPS, veleroScheduleProblems)) {
      withholdFields(this, ['schedule']);
      return;
    }
    const d = VELERO_SCHEDULE_DEFAULTS;
    const ttl = props.ttl ?? d.ttl;

    this.schedule = new Schedule(this, 'Schedule', {
      metadata: { name: props.name ?? `${props.namespace}-daily`, namespace: props.veleroNamespace ?? d.veleroNamespace, ...(props.labels ? { labels: props.labels } : {}) },
      spec: {
        schedule: props.schedule ?? d.schedule,
        template: {
          includedNamespaces: [props.namespace],
          ttl,
          // Only the volumes pods opt into; no snapshots of database volumes mid-write.
          defaultVolumesToFsBackup: false,
          snapshotVolumes: false,
          ...(props.storageLocation ? { storageLocation: props.storageLocation } : {}),
        },
      },
    });
  }
}

function veleroScheduleProblems(props: VeleroScheduleProps): PropProblem[] {
  const check = new PropChecker();
  const ttl = props.ttl ?? VELERO_SCHEDULE_DEFAULTS.ttl;
  const problem = ttlProblem(ttl);
  if (problem) check.add('ttl', ttl, problem, "use a duration such as '720h0m0s' (30 days)");
  if (props.schedule !== undefined) new DatabaseChecks(check).schedule('schedule', props.schedule);
  if (!props.namespace) check.add('namespace', props.namespace, 'is required', "name the application's namespace");
  return [...check.all];
}

/** The pod annotations that opt these volumes (pod volume names) into Velero's file-system backup. */
export function veleroBackupVolumes(volumeNames: readonly string[]): Record<string, string> {
  return { [VELERO_BACKUP_VOLUMES_ANNOTATION]: volumeNames.join(',') };
}
