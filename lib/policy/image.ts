import { digestProblem, parseImage } from '../validation/image';

// The reference grammar lives with the API validation rules; pinning is a policy on top of it.
export { parseImage };
export type { ImageReference } from '../validation/image';

/**
 * Why the image is not pinned (rollouts and rollbacks must be reproducible), or undefined when it is.
 * A digest pins; so does any tag except `latest`.
 */
export function imagePinProblem(image: string): string | undefined {
  if (!image || /\s/.test(image)) return 'is empty or contains white space';
  const ref = parseImage(image);
  if (ref.digest) return digestProblem(ref.digest) === undefined ? undefined : `has a malformed digest '${ref.digest}'`;
  if (!ref.tag) return 'has no tag, so it means :latest and every node may run a different build';
  if (ref.tag === 'latest') return 'uses the :latest tag, so a rollout or rollback cannot say which build it runs';
  return undefined;
}
