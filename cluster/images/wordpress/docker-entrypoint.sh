#!/bin/bash
# The WordPress image's entrypoint, written here to the documented contract of the official
# wordpress:*-apache image (not from its code): when the command is Apache and the document root has no
# core, copy core from /usr/src/wordpress into it as www-data (uid 33), leaving the existing directories'
# owner and mode alone (tar --no-overwrite-dir) and bundled themes or plugins that wp-content already
# has; then write wp-config.php from wp-config-docker.php when WORDPRESS_* variables are set.
set -euo pipefail

if [[ "${1:-}" == apache2* ]]; then
  cd /var/www/html
  as_www_data=()
  if [ "$(id -u)" = 0 ]; then
    # As root (the stack's pods): the emptyDir docroot is root's; give it to www-data, then copy as www-data.
    [ "$(stat -c %u .)" = 0 ] && chown 33:33 .
    # Deviation from the official image, which chowns only the docroot: a freshly provisioned wp-content
    # volume is root's, and www-data could never create uploads/ in it. Only its top directory is changed.
    [ -d wp-content ] && [ "$(stat -c %u wp-content)" = 0 ] && chown 33:33 wp-content
    as_www_data=(setpriv --reuid=33 --regid=33 --clear-groups)
  fi
  if [ ! -e index.php ] || [ ! -e wp-includes/version.php ]; then
    echo >&2 "WordPress not found in $PWD: copying core from /usr/src/wordpress"
    keep=()
    for d in /usr/src/wordpress/wp-content/*/*/; do
      rel=${d#/usr/src/wordpress/}; rel=${rel%/}
      [ -e "$rel" ] && keep+=(--exclude "./$rel")
    done
    tar -C /usr/src/wordpress "${keep[@]}" -cf - . | "${as_www_data[@]}" tar -xf - --no-overwrite-dir
    echo >&2 "WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" wp-includes/version.php) is in $PWD"
  fi
  if [ ! -e wp-config.php ] && compgen -e | grep -q '^WORDPRESS_'; then
    # Salts the environment does not give are random per pod, as in the official image.
    "${as_www_data[@]}" php -r '
      $text = file_get_contents("/usr/src/wordpress/wp-config-docker.php");
      $text = preg_replace_callback("/put your unique phrase here/", fn() => bin2hex(random_bytes(32)), $text);
      file_put_contents("wp-config.php", $text);'
    echo >&2 "wp-config.php written from wp-config-docker.php"
  fi
fi
exec "$@"
