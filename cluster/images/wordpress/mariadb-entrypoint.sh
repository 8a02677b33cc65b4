#!/bin/bash
# STAND-IN for the official mysql image's entrypoint, on Debian's MariaDB server (no MySQL server is
# packaged in Debian). It takes the same environment and arguments as the official mysql image:
#   MYSQL_ROOT_PASSWORD (or MYSQL_ALLOW_EMPTY_PASSWORD=yes), MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD,
#   arguments starting with '-' go to the server, the data in /var/lib/mysql, *.sql and *.sh in
#   /docker-entrypoint-initdb.d run once on a new data folder.
# How it differs from mysql:8.4: the server is MariaDB 10.11 (the MySQL protocol; mysql_native_password
# and ed25519 authentication, no caching_sha2_password), `mysql`, `mysqladmin` and `mysqldump` are
# MariaDB's clients under their MySQL names, root is 'root'@'%' and 'root'@'localhost' with the
# password (MariaDB's unix_socket root login is removed), and there is no MYSQL_RANDOM_ROOT_PASSWORD,
# MYSQL_ONETIME_PASSWORD or *_FILE variable.
set -euo pipefail
if [ "${1:0:1}" = - ]; then set -- mariadbd "$@"; fi
if [ "$1" != mariadbd ] && [ "$1" != mysqld ]; then exec "$@"; fi

datadir=/var/lib/mysql
mkdir -p /run/mysqld
if [ "$(id -u)" = 0 ]; then
  chown mysql:mysql /run/mysqld "$datadir"
  user_arg=(--user=mysql)
else
  user_arg=()
fi

sql_string() { printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"; }

if [ ! -d "$datadir/mysql" ]; then
  if [ -z "${MYSQL_ROOT_PASSWORD:-}" ] && [ "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" != yes ]; then
    echo >&2 'error: the data folder is new and MYSQL_ROOT_PASSWORD is not set (or MYSQL_ALLOW_EMPTY_PASSWORD=yes)'
    exit 1
  fi
  [ "${MYSQL_USER:-}" = root ] && { echo >&2 'error: MYSQL_USER=root: root is set up by MYSQL_ROOT_PASSWORD'; exit 1; }
  echo >&2 "initializing a new data folder in $datadir"
  mariadb-install-db "${user_arg[@]}" --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve > /dev/null
  # A server on the socket only, for the set-up; stopped before the real one starts.
  "$@" "${user_arg[@]}" --datadir="$datadir" --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  for _ in $(seq 60); do mariadb-admin --socket=/run/mysqld/init.sock ping --silent 2>/dev/null && break; sleep 1; done
  client=(mariadb --socket=/run/mysqld/init.sock --user=root)
  root_pw=$(sql_string "${MYSQL_ROOT_PASSWORD:-}")
  {
    echo "DELETE FROM mysql.global_priv WHERE User NOT IN ('mysql.sys', 'mariadb.sys') AND NOT (User = 'root' AND Host = 'localhost');"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $root_pw;"
    echo "CREATE USER 'root'@'%' IDENTIFIED BY $root_pw;"
    echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    if [ -n "${MYSQL_DATABASE:-}" ]; then echo "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\`;"; fi
    if [ -n "${MYSQL_USER:-}" ] && [ -n "${MYSQL_PASSWORD:-}" ]; then
      echo "CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY $(sql_string "$MYSQL_PASSWORD");"
      if [ -n "${MYSQL_DATABASE:-}" ]; then echo "GRANT ALL PRIVILEGES ON \`$MYSQL_DATABASE\`.* TO '$MYSQL_USER'@'%';"; fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | "${client[@]}"
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo >&2 "running $f"; MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-}" "${client[@]}" ${MYSQL_DATABASE:+"$MYSQL_DATABASE"} < "$f" ;;
      *.sh) echo >&2 "running $f"; source "$f" ;;
    esac
  done
  kill "$pid"; wait "$pid" || true
  echo >&2 'the data folder is ready'
fi
# The server as PID 1: SIGTERM is its clean shutdown.
exec "$@" "${user_arg[@]}" --datadir="$datadir"
