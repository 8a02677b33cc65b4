/** Container image references: `[registry[:port]/]path[:tag][@digest]`. */
export interface ImageReference {
  /** Everything before the tag and digest, registry included. */
  readonly repository: string;
  /** The tag, if any. */
  readonly tag?: string;
  /** The digest (`sha256:…`), if any. */
  readonly digest?: string;
}

/** Splits an image reference; a colon inside the registry host (`registry:5000/app`) is a port, not a tag. */
export function parseImage(image: string): ImageReference {
  const [name, digest] = image.split('@', 2);
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  if (lastColon > lastSlash) {
    return { repository: name.slice(0, lastColon), tag: name.slice(lastColon + 1), digest };
  }
  return { repository: name, digest };
}

/**
 * Why the image is not pinned (rollouts and rollbacks must be reproducible), or undefined when it is.
 * A digest pins; so does any tag except `latest`.
 */
export function imagePinProblem(image: string): string | undefined {
  if (!image || /\s/.test(image)) return 'is empty or contains white space';
  const ref = parseImage(image);
  if (ref.digest) return /^sha256:[a-f0-9]{64}$/.test(ref.digest) ? undefined : `has a malformed digest '${ref.digest}'`;
  if (!ref.tag) return 'has no tag, so it means :latest and every node may run a different build';
  if (ref.tag === 'latest') return 'uses the :latest tag, so a rollout or rollback cannot say which build it runs';
  return undefined;
}
