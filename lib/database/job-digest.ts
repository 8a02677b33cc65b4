import { createHash } from 'crypto';

/** A short, stable digest of what a Job does, for its name: a Job's template is immutable, so a change needs a new Job. */
export function jobDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 8);
}
