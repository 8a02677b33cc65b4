/**
 * The shell scripts the database tier's Jobs run, as plain strings: the CronJobs and the README use
 * these, and the tests run them against a real server. They read everything from the environment
 * (DB_HOST, DB_PORT, DB_USER, MYSQL_PWD, ...), never from their text, so one script serves every stack.
 */

/** Keeps the newest `$KEEP` entries of `$BACKUP_DIR` whose names match `pattern` (names sort by time). */
export function keepNewestScript(pattern: string, type: 'f' | 'd'): string {
  return [
    `find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type ${type} -name "${pattern}" | sort -r | tail -n "+$((KEEP + 1))" | while IFS= read -r old; do`,
    '  rm -rf -- "$old"',
    '  echo "removed $(basename "$old") (keeping the newest $KEEP)"',
    'done',
  ].join('\n');
}

/**
 * Waits until the server answers, up to `$WAIT_ATTEMPTS` tries (120) `$WAIT_SECONDS` apart (5), and exits 1
 * after the last. A Job's first connections fail for reasons that pass: the server restarting, or a network
 * policy enforcer that has not yet admitted the new pod's address (kube-router drops a new dump pod's
 * first connection, and mysqldump alone gives up at once with "Can't connect"). With `reachableOnly`, an
 * answer from the server (a wrong password, say) ends the wait at once: only an unreachable server
 * (client errors 2002, 2003, 2005, 2006, 2013) or a busy one (1040, 1053) is waited for.
 */
function waitForServer(reachableOnly: boolean): string {
  return [
    'for attempt in $(seq 1 "${WAIT_ATTEMPTS:-120}"); do',
    '  if error="$(mysql --host="$DB_HOST" --port="$DB_PORT" --user="${DB_USER:-root}" --execute="SELECT 1" 2>&1 >/dev/null)"; then break; fi',
    ...(reachableOnly ? [
      '  case "$error" in',
      '    *"ERROR 2002 "*|*"ERROR 2003 "*|*"ERROR 2005 "*|*"ERROR 2006 "*|*"ERROR 2013 "*|*"ERROR 1040 "*|*"ERROR 1053 "*) ;;',
      '    *) echo "$error" >&2; exit 1 ;;',
      '  esac',
    ] : []),
    '  echo "waiting for $DB_HOST:$DB_PORT (attempt $attempt): $error"',
    '  if [ "$attempt" = "${WAIT_ATTEMPTS:-120}" ]; then exit 1; fi',
    '  sleep "${WAIT_SECONDS:-5}"',
    'done',
  ].join('\n');
}

/** The dump file names: `<prefix>-<UTC timestamp>.sql.gz`, so that names sort by time. */
export const DUMP_FILE_PATTERN = '$DUMP_PREFIX-????????T??????Z.sql.gz';

/**
 * The backup: a consistent InnoDB snapshot without locking tables (`--single-transaction`), with stored
 * routines and triggers, in utf8mb4 whatever the client's default (emoji survive), compressed, written under a temporary name and checked before it counts, then
 * the oldest dumps beyond `$KEEP` are removed. A failed run leaves the kept dumps untouched.
 */
export const MYSQL_DUMP_SCRIPT = [
  'set -euo pipefail',
  'umask 077',
  waitForServer(true),
  'stamp="$(date -u +%Y%m%dT%H%M%SZ)"',
  'final="$BACKUP_DIR/$DUMP_PREFIX-$stamp.sql.gz"',
  'partial="$BACKUP_DIR/.$DUMP_PREFIX-$stamp.sql.gz.partial"',
  'trap \'rm -f -- "$partial"\' EXIT',
  'mysqldump --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 --single-transaction --routines --triggers ' +
    '--databases "$DB_NAME" | gzip -c > "$partial"',
  'gzip -t "$partial"',
  'mv -- "$partial" "$final"',
  'echo "wrote $(basename "$final"): $(wc -c < "$final") bytes"',
  keepNewestScript(DUMP_FILE_PATTERN, 'f'),
].join('\n');

/**
 * The restore: loads one dump (`$DUMP`, a file name in `$BACKUP_DIR`; `latest` takes the newest) into
 * the server. The dump holds `CREATE DATABASE IF NOT EXISTS`, and `DROP TABLE IF EXISTS` before each table,
 * so it replaces the database's tables with the dumped ones.
 */
export const MYSQL_RESTORE_SCRIPT = [
  'set -euo pipefail',
  'if [ "${DUMP:-latest}" = latest ]; then',
  `  dump="$(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type f -name "${DUMP_FILE_PATTERN}" | sort | tail -n 1)"`,
  'else',
  '  dump="$BACKUP_DIR/$DUMP"',
  'fi',
  'if [ -z "$dump" ] || [ ! -f "$dump" ]; then echo "no dump ${DUMP:-latest} in $BACKUP_DIR" >&2; exit 1; fi',
  waitForServer(true),
  'echo "restoring $(basename "$dump") into $DB_HOST:$DB_PORT"',
  'gunzip -c "$dump" | mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4',
  'echo "restored $(basename "$dump")"',
].join('\n');

/**
 * Creates the application database and user, idempotently: it waits for the server, then creates what
 * is missing and sets the password from the Secret again (so a rotated Secret takes effect on the next run).
 * The user gets every privilege on its own database and none elsewhere.
 */
export const MYSQL_APP_USER_SCRIPT = [
  'set -euo pipefail',
  // A SQL string literal: backslashes and quotes doubled, so any password is safe.
  'quote() { printf "\'%s\'" "$(printf \'%s\' "$1" | sed -e \'s/\\\\/\\\\\\\\/g\' -e "s/\'/\'\'/g")"; }',
  'connect() { mysql --host="$DB_HOST" --port="$DB_PORT" --user="${DB_USER:-root}" --default-character-set=utf8mb4 "$@"; }',
  // Any error is waited for: while the MySQL Operator bootstraps a cluster, its root user may not exist yet.
  waitForServer(false),
  'password="$(quote "$APP_PASSWORD")"',
  'connect <<SQL',
  // Backquotes escaped: the here-document expands $VARIABLES but must not run `commands`.
  'CREATE DATABASE IF NOT EXISTS \\`$APP_DATABASE\\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
  "CREATE USER IF NOT EXISTS '$APP_USER'@'%' IDENTIFIED BY $password;",
  "ALTER USER '$APP_USER'@'%' IDENTIFIED BY $password;",
  "GRANT ALL PRIVILEGES ON \\`$APP_DATABASE\\`.* TO '$APP_USER'@'%';",
  'SQL',
  'echo "database $APP_DATABASE and user $APP_USER are in place"',
].join('\n');
