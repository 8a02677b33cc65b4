# shellcheck shell=bash
# The Apache metrics sidecar's image (sourced by cluster/images.sh, which defines image, with_programs,
# $STATE and say): Debian 12's prometheus-apache-exporter, the upstream apache_exporter as Debian packages
# it, standing in for the upstream image (quay.io/prometheuscommunity/apache-exporter). Only the program
# and the C library it links are taken from the package.
[ -n "${IMAGE_LIB:-}" ] || { echo "source this from cluster/images.sh" >&2; exit 1; }

exporter_version=0.12.0
exporter_deb_dir=$STATE/build/apache-exporter-deb
exporter_root=$STATE/build/apache-exporter-rootfs
if [ ! -x "$exporter_deb_dir/usr/bin/prometheus-apache-exporter" ]; then
  say "apt: prometheus-apache-exporter $exporter_version"
  rm -rf "$exporter_deb_dir"; mkdir -p "$exporter_deb_dir/download"
  download() { (cd "$exporter_deb_dir/download" && apt-get -qq -o APT::Sandbox::User=root download "prometheus-apache-exporter=$exporter_version-*" >/dev/null); }
  # A machine whose package lists were never fetched (or were cleaned) fetches them once.
  download || { apt-get update -qq && download; } || die "apt-get download prometheus-apache-exporter=$exporter_version failed"
  dpkg-deb -x "$exporter_deb_dir"/download/*.deb "$exporter_deb_dir"
fi
if [ ! -d "$exporter_root" ] || [ "$exporter_deb_dir/usr/bin/prometheus-apache-exporter" -nt "$exporter_root" ]; then
  with_programs "$exporter_root" "$exporter_deb_dir/usr/bin/prometheus-apache-exporter"
  mkdir -p "$exporter_root/usr/bin"
  mv "$exporter_root$exporter_deb_dir/usr/bin/prometheus-apache-exporter" "$exporter_root/usr/bin/apache_exporter"
  top=${exporter_deb_dir#/}; rm -rf "${exporter_root:?}/${top%%/*}"
fi
image apache-exporter "zdc.local/apache-exporter:$exporter_version-debian" "$exporter_root" -- -rootfs "$exporter_root" \
  -entrypoint /usr/bin/apache_exporter -user 65534 -expose 9117/tcp
