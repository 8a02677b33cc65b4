# shellcheck shell=bash
# The WordPress stack's images, from Debian 12's packages (sourced by cluster/images.sh, which defines
# image, $STATE, $REPO and say). No registry is reachable, so these stand in for the official images:
#
#   zdc.local/wordpress-debian:6.1.9-apache   Debian's wordpress 6.1.9 on Apache 2.4 + mod_php 8.2, made to
#                                             the official wordpress:*-apache image's documented contract
#                                             (cluster/images/wordpress/docker-entrypoint.sh says how).
#   zdc.local/wp-cli-standin:6.1.9-php8.2     the same root file system as www-data with `wp`, a STAND-IN
#                                             for wp-cli (not packaged in Debian) that drives WordPress's
#                                             own install/upgrade/cron code (cluster/images/wordpress/wp).
#   zdc.local/mariadb:10.11-debian            Debian's mariadb-server, a STAND-IN for the official mysql
#                                             image (cluster/images/wordpress/mariadb-entrypoint.sh).
#
# The root file systems are cached in $STATE/build: debootstrap runs once, and each image's packages are
# installed once for each package list (delete the folder to take newer packages). The files from this repo are copied in at
# every build; both WordPress images pack the same folder, so they share one layer on the nodes.
[ -n "${IMAGE_LIB:-}" ] || { echo "source this from cluster/images.sh" >&2; exit 1; }

WP_FILES=$REPO/cluster/images/wordpress
DEBIAN_ROOT=$STATE/build/debian-bookworm-rootfs

# Unmounts whatever an interrupted build left mounted under DIR (debootstrap's /proc and /sys, ours),
# so that removing DIR never reaches into the machine's /proc.
unmount_under() {
  local m
  for m in $(awk -v d="$1/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount "$m"; done
}

# A minimal Debian 12 (debootstrap's default mirror), with the host's apt sources when the host is
# Debian 12 too, so that security updates come along.
debian_base() {
  [ -f "$DEBIAN_ROOT.complete" ] && return 0
  command -v debootstrap >/dev/null || die "the WordPress images need debootstrap: apt-get install -y debootstrap"
  say "debootstrap: Debian 12 in $DEBIAN_ROOT"
  unmount_under "$DEBIAN_ROOT"; rm -rf "$DEBIAN_ROOT"
  debootstrap --variant=minbase bookworm "$DEBIAN_ROOT" >"$STATE/build/debootstrap.log" 2>&1 \
    || die "debootstrap failed; see $STATE/build/debootstrap.log"
  if grep -qx 'VERSION_CODENAME=bookworm' /etc/os-release && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    rm -f "$DEBIAN_ROOT/etc/apt/sources.list"
    cp /etc/apt/sources.list.d/debian.sources "$DEBIAN_ROOT/etc/apt/sources.list.d/"
  fi
  touch "$DEBIAN_ROOT.complete"
}

# debian_rootfs DIR PACKAGE...: a copy of the base with the packages (no recommends), services not
# started, documentation and apt's lists removed. Runs SETUP (a function name in $SETUP) in the end.
# DIR.complete holds the package list, so that a changed list builds DIR anew.
debian_rootfs() {
  local dir=$1; shift
  [ -f "$dir.complete" ] && [ "$(cat "$dir.complete")" = "$*" ] && return 0
  debian_base
  say "packages into $dir: $*"
  unmount_under "$dir"; rm -rf "$dir"; cp -a "$DEBIAN_ROOT" "$dir"
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
  echo "$*" > "$dir.complete"
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

wp_root=$STATE/build/wordpress-rootfs
SETUP=wordpress_setup debian_rootfs "$wp_root" apache2 libapache2-mod-php8.2 php8.2-mysql php8.2-cli \
  php8.2-gd wordpress wordpress-theme-twentytwentythree
install -m 0755 "$WP_FILES/docker-entrypoint.sh" "$wp_root/usr/local/bin/docker-entrypoint.sh"
install -m 0755 "$WP_FILES/apache2-foreground" "$wp_root/usr/local/bin/apache2-foreground"
install -m 0755 "$WP_FILES/wp" "$wp_root/usr/local/bin/wp"
install -m 0644 "$WP_FILES/wp-config-docker.php" "$wp_root/usr/src/wordpress/wp-config-docker.php"
install -m 0644 "$WP_FILES/docker-wordpress.conf" "$wp_root/etc/apache2/conf-enabled/docker-wordpress.conf"
install -m 0644 "$WP_FILES/docker-wordpress.ini" "$wp_root/etc/php/8.2/apache2/conf.d/90-docker-wordpress.ini"
wp_inputs=("$wp_root.complete" "$WP_FILES/docker-entrypoint.sh" "$WP_FILES/apache2-foreground" "$WP_FILES/wp"
  "$WP_FILES/wp-config-docker.php" "$WP_FILES/docker-wordpress.conf" "$WP_FILES/docker-wordpress.ini")
# PHP_INI_SCAN_DIR: the stack mounts its php.ini where the official image reads conf.d (the leading ':'
# keeps Debian's own conf.d too).
image wordpress-debian zdc.local/wordpress-debian:6.1.9-apache "${wp_inputs[@]}" -- -rootfs "$wp_root" \
  -entrypoint docker-entrypoint.sh -cmd apache2-foreground -env PHP_INI_SCAN_DIR=:/usr/local/etc/php/conf.d \
  -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -workdir /var/www/html \
  -stop-signal SIGWINCH -expose 80/tcp
# The same build under a second tag, with one more environment variable: a stand-in for the next image
# version in the image-change-under-load scenario (Debian packages one WordPress version).
image wordpress-debian-r2 zdc.local/wordpress-debian:6.1.9-apache-r2 "${wp_inputs[@]}" -- -rootfs "$wp_root" \
  -entrypoint docker-entrypoint.sh -cmd apache2-foreground -env PHP_INI_SCAN_DIR=:/usr/local/etc/php/conf.d \
  -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -env ZDC_IMAGE_REVISION=2 -workdir /var/www/html \
  -stop-signal SIGWINCH -expose 80/tcp
image wp-cli-standin zdc.local/wp-cli-standin:6.1.9-php8.2 "${wp_inputs[@]}" -- -rootfs "$wp_root" \
  -cmd wp -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -workdir /var/www/html -user 33:33

db_root=$STATE/build/mariadb-rootfs
SETUP=mariadb_setup debian_rootfs "$db_root" mariadb-server mariadb-client
install -m 0755 "$WP_FILES/mariadb-entrypoint.sh" "$db_root/usr/local/bin/docker-entrypoint.sh"
install -m 0644 "$WP_FILES/mariadb-docker.cnf" "$db_root/etc/mysql/mariadb.conf.d/99-docker.cnf"
image mariadb-debian zdc.local/mariadb:10.11-debian "$db_root.complete" "$WP_FILES/mariadb-entrypoint.sh" "$WP_FILES/mariadb-docker.cnf" -- \
  -rootfs "$db_root" -entrypoint docker-entrypoint.sh -cmd mariadbd \
  -env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin -stop-signal SIGTERM -expose 3306/tcp
