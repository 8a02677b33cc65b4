# shellcheck shell=bash
# The WordPress stack's images, from Debian's packages (sourced by cluster/images.sh, which defines
# image, $STATE, $REPO and say). No registry is reachable, so these stand in for the official images:
#
#   zdc.local/wordpress-debian:6.1.9-apache   Debian 12's wordpress 6.1.9 on Apache 2.4 + mod_php 8.2, made
#                                             to the official wordpress:*-apache image's documented contract
#                                             (cluster/images/wordpress/docker-entrypoint.sh says how).
#   zdc.local/wordpress-debian:6.8-apache     Debian 13's wordpress 6.8 (its newest 6.8.x, with security
#                                             updates) on Apache 2.4 + mod_php 8.4, the same way: the next
#                                             version in the upgrade-under-load scenario.
#   zdc.local/wp-cli-standin:6.1.9-php8.2     the 6.1.9 root file system as www-data with `wp`, a STAND-IN
#                                             for wp-cli (not packaged in Debian) that drives WordPress's
#                                             own install/upgrade/cron code (cluster/images/wordpress/wp).
#   zdc.local/mariadb:10.11-debian            Debian's mariadb-server, a STAND-IN for the official mysql
#                                             image (cluster/images/wordpress/mariadb-entrypoint.sh).
#
# The root file systems are cached in $STATE/build: debootstrap runs once per suite, and each image's
# packages are installed once for each package list (delete the folder to take newer packages). The files
# from this repo are copied in at every build.
[ -n "${IMAGE_LIB:-}" ] || { echo "source this from cluster/images.sh" >&2; exit 1; }

WP_FILES=$REPO/cluster/images/wordpress

# Unmounts whatever an interrupted build left mounted under DIR (debootstrap's /proc and /sys, ours),
# so that removing DIR never reaches into the machine's /proc.
unmount_under() {
  local m
  for m in $(awk -v d="$1/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount "$m"; done
}

# debian_base SUITE: a minimal Debian of SUITE (debootstrap's default mirror), with its security updates:
# the host's apt sources when the host runs that suite.
debian_base() {
  local suite=$1 root=$STATE/build/debian-$1-rootfs
  [ -f "$root.complete" ] && return 0
  command -v debootstrap >/dev/null || die "the WordPress images need debootstrap: apt-get install -y debootstrap"
  say "debootstrap: Debian $suite in $root"
  unmount_under "$root"; rm -rf "$root"
  debootstrap --variant=minbase "$suite" "$root" >"$STATE/build/debootstrap-$suite.log" 2>&1 \
    || die "debootstrap failed; see $STATE/build/debootstrap-$suite.log"
  if grep -qx "VERSION_CODENAME=$suite" /etc/os-release && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    rm -f "$root/etc/apt/sources.list"
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
  else
    printf 'deb http://deb.debian.org/debian %s main\ndeb http://deb.debian.org/debian %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
      "$suite" "$suite" "$suite" > "$root/etc/apt/sources.list"
  fi
  touch "$root.complete"
}

# debian_rootfs DIR PACKAGE...: a copy of the base of $SUITE (bookworm) with the packages (no recommends),
# services not started, documentation and apt's lists removed. Runs SETUP (a function name in $SETUP) in
# the end. DIR.complete holds the suite and the package list, so that a change builds DIR anew.
debian_rootfs() {
  local dir=$1 suite=${SUITE:-bookworm}; shift
  [ -f "$dir.complete" ] && [ "$(cat "$dir.complete")" = "$suite: $*" ] && return 0
  debian_base "$suite"
  say "packages into $dir ($suite): $*"
  unmount_under "$dir"; rm -rf "$dir"; cp -a "$STATE/build/debian-$suite-rootfs" "$dir"
  printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"; chmod 755 "$dir/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount --bind /proc "$dir/proc"
  local rc=0
  chroot "$dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" && apt-get clean' apt "$@" \
    >"$dir.log" 2>&1 || rc=$?
  umount "$dir/proc"
  [ "$rc" = 0 ] || die "installing $* failed; see $dir.log"
  rm -rf "$dir/usr/share/doc" "$dir/usr/share/man" "$dir/usr/share/info" "$dir/usr/share/locale" \
    "$dir/var/lib/apt/lists"/* "$dir/var/cache/apt"/* "$dir/var/log"/*.log "$dir/usr/sbin/policy-rc.d"
  : > "$dir/etc/resolv.conf"
  "$SETUP" "$dir"
  echo "$suite: $*" > "$dir.complete"
}

# Core as the official image has it: a self-contained copy in /usr/src/wordpress (Debian's symbolic links
# to packaged PHP and JavaScript libraries resolved), without Debian's wp-config.php, which reads
# /etc/wordpress; Apache's logs to the container's output; the modules WordPress's .htaccess uses.
wordpress_setup() {
  local dir=$1
  # In the chroot: the links are absolute paths of the image, not of this machine. Hard links (-l) to
  # the packaged files: the image carries core's bytes once.
  chroot "$dir" sh -c 'mkdir -p /usr/src/wordpress && cp -rlL /usr/share/wordpress/. /usr/src/wordpress/'
  rm -f "$dir/usr/src/wordpress/wp-config.php" "$dir/usr/src/wordpress/.htaccess"
  rm -rf "$dir/var/www/html"/*
  chroot "$dir" a2enmod -q rewrite expires remoteip >/dev/null
  mkdir -p "$dir/usr/local/etc/php/conf.d"
  ln -sfT /proc/self/fd/2 "$dir/var/log/apache2/error.log"
  ln -sfT /proc/self/fd/1 "$dir/var/log/apache2/access.log"
  ln -sfT /proc/self/fd/1 "$dir/var/log/apache2/other_vhosts_access.log"
}

# The package's first data folder is removed: the entrypoint initializes the volume it is given.
mariadb_setup() {
  local dir=$1
  rm -rf "$dir/var/lib/mysql"/*
  mkdir -p "$dir/docker-entrypoint-initdb.d"
}

# wordpress_rootfs DIR SUITE PHP PACKAGE...: Debian SUITE's WordPress on Apache and mod_php PHP (with GD,
# as the official image has it), and this repo's entrypoint, wp-config and settings.
wordpress_rootfs() {
  local dir=$1 suite=$2 php=$3; shift 3
  SUITE=$suite SETUP=wordpress_setup debian_rootfs "$dir" apache2 "libapache2-mod-php$php" "php$php-mysql" "php$php-cli" "php$php-gd" wordpress "$@"
  install -m 0755 "$WP_FILES/docker-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  install -m 0755 "$WP_FILES/apache2-foreground" "$dir/usr/local/bin/apache2-foreground"
  install -m 0755 "$WP_FILES/wp" "$dir/usr/local/bin/wp"
  install -m 0644 "$WP_FILES/wp-config-docker.php" "$dir/usr/src/wordpress/wp-config-docker.php"
  install -m 0644 "$WP_FILES/docker-wordpress.conf" "$dir/etc/apache2/conf-enabled/docker-wordpress.conf"
  install -m 0644 "$WP_FILES/docker-wordpress.ini" "$dir/etc/php/$php/apache2/conf.d/90-docker-wordpress.ini"
}
WP_INPUTS=("$WP_FILES/docker-entrypoint.sh" "$WP_FILES/apache2-foreground" "$WP_FILES/wp" "$WP_FILES/wp-config-docker.php"
  "$WP_FILES/docker-wordpress.conf" "$WP_FILES/docker-wordpress.ini")

# wordpress_image NAME REF DIR: the image of a WordPress root file system. PHP_INI_SCAN_DIR: the stack
# mounts its php.ini where the official image reads conf.d (the leading ':' keeps Debian's own conf.d too).
wordpress_image() {
  image "$1" "$2" "$3.complete" "${WP_INPUTS[@]}" -- -rootfs "$3" \
    -entrypoint docker-entrypoint.sh -cmd apache2-foreground -env PHP_INI_SCAN_DIR=:/usr/local/etc/php/conf.d \
    -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -workdir /var/www/html \
    -stop-signal SIGWINCH -expose 80/tcp
}

wp_root=$STATE/build/wordpress-rootfs
wordpress_rootfs "$wp_root" bookworm 8.2 wordpress-theme-twentytwentythree
wordpress_image wordpress-debian zdc.local/wordpress-debian:6.1.9-apache "$wp_root"
image wp-cli-standin zdc.local/wp-cli-standin:6.1.9-php8.2 "$wp_root.complete" "${WP_INPUTS[@]}" -- -rootfs "$wp_root" \
  -cmd wp -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -workdir /var/www/html -user 33:33
# The next version, for the upgrade under load: Debian 13's WordPress 6.8 on PHP 8.4.
wp_next_root=$STATE/build/wordpress-trixie-rootfs
wordpress_rootfs "$wp_next_root" trixie 8.4 wordpress-theme-twentytwentyfive
wordpress_image wordpress-debian-next zdc.local/wordpress-debian:6.8-apache "$wp_next_root"

db_root=$STATE/build/mariadb-rootfs
SETUP=mariadb_setup debian_rootfs "$db_root" mariadb-server mariadb-client
install -m 0755 "$WP_FILES/mariadb-entrypoint.sh" "$db_root/usr/local/bin/docker-entrypoint.sh"
install -m 0644 "$WP_FILES/mariadb-docker.cnf" "$db_root/etc/mysql/mariadb.conf.d/99-docker.cnf"
image mariadb-debian zdc.local/mariadb:10.11-debian "$db_root.complete" "$WP_FILES/mariadb-entrypoint.sh" "$WP_FILES/mariadb-docker.cnf" -- \
  -rootfs "$db_root" -entrypoint docker-entrypoint.sh -cmd mariadbd \
  -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -stop-signal SIGTERM -expose 3306/tcp
