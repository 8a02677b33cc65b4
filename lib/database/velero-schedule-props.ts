/** Props of a VeleroSchedule. */
export interface VeleroScheduleProps {
  /** The application's namespace, which is backed up: its objects (Secrets included) and the opted-in volumes. */
  readonly namespace: string;
  /**
   * Name of the Schedule.
   * @default '<namespace>-daily'
   */
  readonly name?: string;
  /**
   * The namespace Velero runs in; Velero reads Schedules only there.
   * @default 'velero'
   */
  readonly veleroNamespace?: string;
  /**
   * When to back up, as a cron expression.
   * @default '7 2 * * *'
   */
  readonly schedule?: string;
  /**
   * How long each backup is kept (a Go duration), after which Velero deletes it.
   * @default '720h0m0s' (30 days)
   */
  readonly ttl?: string;
  /**
   * The BackupStorageLocation.
   * @default - Velero's default location
   */
  readonly storageLocation?: string;
  /**
   * Labels on the Schedule.
   * @default - none
   */
  readonly labels?: Record<string, string>;
}
