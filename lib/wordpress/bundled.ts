/** Where the images keep their copy of core, and the entrypoint that copies it into the docroot. */
export const CORE_SOURCE = '/usr/src/wordpress';
/** The official image's entrypoint (and the project's Debian image's), on the PATH. */
export const IMAGE_ENTRYPOINT = 'docker-entrypoint.sh';
/** On the content claim: the bundled plugins and themes the pods have seen, one `plugins/akismet` per line. */
export const BUNDLED_RECORD = '.wordpress-k8s-bundled';

/**
 * Runs before the image's entrypoint, as root, at every start. The entrypoint copies each bundled plugin
 * and theme (`wp-content/<kind>/<name>`) that wp-content lacks, so one an administrator deleted came back
 * at the next start. This script removes, from the container's own copy of core, those that the record on
 * the claim lists (seeded before) and wp-content no longer has: the entrypoint then has nothing to copy
 * back. A bundled plugin or theme new in the image is copied once, as the entrypoint does. A claim that
 * root may not write (root-squashed NFS) keeps the entrypoint's behaviour, with a warning.
 */
export function bundledScript(content: string): string {
  const src = `${CORE_SOURCE}/wp-content`;
  const record = `${content}/${BUNDLED_RECORD}`;
  return `set -eu
for d in ${src}/*/*/; do
  [ -d "$d" ] || continue
  rel=\${d#${src}/}; rel=\${rel%/}
  if [ -f ${record} ] && grep -qxF "$rel" ${record} && [ ! -e "${content}/$rel" ]; then
    echo "wp-content/$rel was deleted: not copying it again" >&2
    rm -rf "$d"
  fi
done
{ for d in ${src}/*/*/; do [ -d "$d" ] && rel=\${d#${src}/} && echo "\${rel%/}"; done; cat ${record} 2>/dev/null || true; } \\
  | sort -u > ${record}.tmp 2>/dev/null && mv ${record}.tmp ${record} \\
  || echo "cannot write ${record}: bundled plugins and themes deleted from wp-content will be copied again" >&2
exec ${IMAGE_ENTRYPOINT} "$@"
`;
}
