# Helpers shared by the cluster scripts.
# shellcheck shell=bash
# shellcheck source=config.sh
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"

say() { printf 'cluster: %s\n' "$*" >&2; }
die() { printf 'cluster: error: %s\n' "$*" >&2; exit 1; }

require_root() {
  [ "$(id -u)" = 0 ] || die "must run as root (it creates network namespaces, mounts and iptables rules); run: sudo npm run cluster -- $1"
}

require_packages() {
  local missing=() pkgs=() entry prog pkg
  for entry in "${REQUIRED_PROGRAMS[@]}"; do
    prog=${entry%%:*}; pkg=${entry#*:}
    command -v "$prog" >/dev/null 2>&1 || { missing+=("$prog"); pkgs+=("$pkg"); }
  done
  for prog in bridge host-local loopback portmap; do
    [ -x "$CNI_DIR/$prog" ] || { missing+=("$CNI_DIR/$prog"); pkgs+=("$CNI_PACKAGE"); }
  done
  if [ ${#missing[@]} -gt 0 ]; then
    die "missing ${missing[*]}; install with: apt-get install -y $(printf '%s\n' "${pkgs[@]}" | grep -v ' ' | sort -u | tr '\n' ' ')"
  fi
}

# Starts a long-running process detached from this shell, logging to $LOGS/NAME.log, its pid in
# $RUN/pids/NAME. With NETNS set, it runs in that network namespace only (same mounts as the host,
# so kubelet and containerd see each other's mounts).
start_daemon() {
  local name=$1; shift
  mkdir -p "$LOGS" "$RUN/pids"
  local prefix=()
  [ -n "${NETNS:-}" ] && prefix=(nsenter "--net=/run/netns/$NETNS" --)
  setsid "${prefix[@]}" "$@" >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! > "$RUN/pids/$name"
}

pid_alive() { [ -f "$RUN/pids/$1" ] && kill -0 "$(cat "$RUN/pids/$1")" 2>/dev/null; }

# Waits until CHECK succeeds, or fails with WHAT and the last lines of LOG; with WATCH set to a
# daemon's name, fails as soon as that daemon has exited.
wait_for() {
  local what=$1 seconds=$2 log=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    local why=
    if [ -n "${WATCH:-}" ] && ! pid_alive "$WATCH"; then why="$WATCH exited"
    elif [ $SECONDS -ge $deadline ]; then why="not ready after ${seconds}s"; fi
    if [ -n "$why" ]; then
      say "$what: $why; last lines of $log:"
      tail -n 25 "$log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
}

port_free() { ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

kctl() { "$BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE" "$@"; }
