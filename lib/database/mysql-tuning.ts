import { memoryBytes } from '../policy/quantity';
import type { ComputeResources } from '../deployment/container';

/** InnoDB grows and shrinks its buffer pool in chunks of 128 MiB (innodb_buffer_pool_chunk_size). */
const CHUNK = 128 * 1024 * 1024;

/**
 * How the servers are sized to their containers. MySQL's own defaults (a 128M buffer pool, 30 days of
 * binary logs) fit neither a 1-2Gi container nor a 20Gi volume.
 */
export const MYSQL_TUNING = Object.freeze({
  /** Share of the container's memory limit given to the buffer pool; the rest is connections, sort buffers and the server itself. */
  bufferPoolShare: 0.5,
  /** Binary logs kept: 7 days, enough for point-in-time recovery from the last daily dump with margin, small on a 20Gi volume. */
  binlogExpireSeconds: 7 * 24 * 3600,
});

/**
 * The buffer pool for a container with this much memory: half of it, rounded down to whole 128Mi chunks,
 * and at least one chunk. Undefined when the memory is not a quantity (the resource checks report that).
 */
export function bufferPoolBytes(memory: string | undefined): number | undefined {
  const bytes = memory === undefined ? undefined : memoryBytes(memory);
  if (bytes === undefined || !(bytes > 0)) return undefined;
  return Math.max(CHUNK, Math.floor((bytes * MYSQL_TUNING.bufferPoolShare) / CHUNK) * CHUNK);
}

/** The memory a container may use: its limit, else its request. */
export function memoryCeiling(resources: { readonly requests?: ComputeResources; readonly limits?: ComputeResources }): string | undefined {
  return resources.limits?.memory ?? resources.requests?.memory;
}

/** mysqld arguments sized to the container: buffer pool and binary-log expiry. Later arguments (extraArgs) override them. */
export function mysqlTuningArgs(memory: string | undefined): string[] {
  const pool = bufferPoolBytes(memory);
  return [
    ...(pool ? [`--innodb-buffer-pool-size=${pool}`] : []),
    `--binlog-expire-logs-seconds=${MYSQL_TUNING.binlogExpireSeconds}`,
  ];
}

/** The same settings as a my.cnf `[mysqld]` section body, for the MySQL Operator's `mycnf`. */
export function mysqlTuningConf(memory: string | undefined): string {
  const pool = bufferPoolBytes(memory);
  return [
    ...(pool ? [`innodb_buffer_pool_size=${pool}`] : []),
    `binlog_expire_logs_seconds=${MYSQL_TUNING.binlogExpireSeconds}`,
  ].map((line) => `${line}\n`).join('');
}
