import * as fs from 'fs';
import * as path from 'path';
import { INNODB_BACKUP_DEFAULTS, INNODB_CLUSTER_DEFAULTS, MYSQL_DUMP_DEFAULTS, MYSQL_OPERATOR_VERSIONS, VELERO_SCHEDULE_DEFAULTS } from '../../lib';
import { restoreCommand } from '../../lib/database/mysql-dump-backup';

// The database tier's manual, moved out of the README: the whole file is the section.
const section = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'database.md'), 'utf8');

test('docs/database.md says what the code does: restore command, operator version, defaults', () => {
  expect(section.length).toBeGreaterThan(1000);
  expect(section).toContain(restoreCommand('kube-example-staging', 'wordpress-db-restore'));
  expect(section).toContain(`mysql-operator/${MYSQL_OPERATOR_VERSIONS.max}-${MYSQL_OPERATOR_VERSIONS.operator}/deploy/deploy-crds.yaml`);
  expect(section).toContain(`operator does not run (${MYSQL_OPERATOR_VERSIONS.min} to ${MYSQL_OPERATOR_VERSIONS.max}, not ${MYSQL_OPERATOR_VERSIONS.disabled.join(', ')})`);
  expect(section).toContain(`MySQL ${INNODB_CLUSTER_DEFAULTS.version}`);
  expect(section).toContain(`${INNODB_CLUSTER_DEFAULTS.instances} Group Replication servers and ${INNODB_CLUSTER_DEFAULTS.routers} MySQL Routers`);
  expect(MYSQL_DUMP_DEFAULTS.schedule).toBe('17 3 * * *');
  expect(section).toContain(`at 03:17, gzip, on its own ${MYSQL_DUMP_DEFAULTS.storageSize} ReadWriteOnce claim; the newest ${MYSQL_DUMP_DEFAULTS.keep} kept`);
  expect(INNODB_BACKUP_DEFAULTS.schedule).toBe('17 3 * * *');
  expect(section).toContain(`at 03:17 to a ${INNODB_BACKUP_DEFAULTS.claimSize} claim, pruned hourly to the newest ${INNODB_BACKUP_DEFAULTS.keep}`);
  expect(VELERO_SCHEDULE_DEFAULTS.schedule).toBe('7 2 * * *');
  expect(section).toContain(`at 02:07 with a\n${VELERO_SCHEDULE_DEFAULTS.ttl.replace('0m0s', '')} (30 days) TTL`);
});
