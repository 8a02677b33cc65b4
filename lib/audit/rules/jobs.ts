import { HELM_HOOK_ANNOTATION, HOOK_ANNOTATION, SYNC_OPTIONS_ANNOTATION } from '../../grammar/argocd';
import { asInt, asString, at } from '../../grammar/json';
import { annotationsOf, nameOf } from '../model';
import { Rule } from '../rule';

/**
 * True when a Job name carries a version or a content digest, so that a new template comes with a new
 * name: one of its segments (between dashes or dots) is a number (`migrate-3`, `migrate-1.2.0`), `v` and a
 * number (`migrate-v3`), or a hexadecimal digest of 7 or more characters with a digit (`install-be2b349d`).
 */
export function nameCarriesVersion(name: string): boolean {
  return name.split(/[-.]/).some((s) => /^v?\d+$/.test(s) || (/^[0-9a-f]{7,}$/.test(s) && /\d/.test(s)));
}

/** Rules on Jobs applied as managed objects. */
export const jobRules: Rule[] = [
  {
    id: 'job-immutable-template',
    severity: 'warning',
    summary: 'A Job\'s pod template is immutable: a fixed-name Job that is not a hook makes the next apply fail once its template changes.',
    fix: 'name the Job by a digest of its spec (or a version), make it an Argo CD or Helm hook, or set ttlSecondsAfterFinished',
    check: (ctx) => ctx.manifests.flatMap((m) => {
      if (m.kind !== 'Job' || asString(m.apiVersion) !== 'batch/v1') return [];
      const annotations = annotationsOf(m);
      const name = nameOf(m);
      // Without a name, generateName: `kubectl create` makes a new Job each time (and apply refuses it).
      if (!name || nameCarriesVersion(name)) return [];
      // Hooks are deleted and created again on each run (BeforeHookCreation is both tools' default).
      if (annotations[HOOK_ANNOTATION] !== undefined || annotations[HELM_HOOK_ANNOTATION] !== undefined) return [];
      // A finished Job deleted by the TTL controller is created afresh by the next apply.
      if (asInt(at(m, 'spec', 'ttlSecondsAfterFinished')) !== undefined) return [];
      // Argo CD's Force=true,Replace=true deletes and recreates the object instead of patching it.
      const options = (annotations[SYNC_OPTIONS_ANNOTATION] ?? '').split(',').map((o) => o.trim());
      if (options.includes('Force=true') && options.includes('Replace=true')) return [];
      return [{
        manifest: m, field: 'metadata.name',
        message: `the Job's name '${name}' carries no version or digest, it is not an Argo CD or Helm hook, and it has no ttlSecondsAfterFinished: its ` +
          'spec.template is immutable, so once anything in the template changes (image, command, env) the next kubectl apply, Helm upgrade or Argo CD ' +
          'sync fails with "field is immutable" and the old Job stays',
        fix: `name it by a digest of its spec (e.g. ${name}-<8 hex digits>), or create it with generateName and kubectl create, or make it an Argo CD hook ` +
          `(${HOOK_ANNOTATION}: Sync with hook-delete-policy BeforeHookCreation), or, under plain kubectl apply, set spec.ttlSecondsAfterFinished so the finished Job ` +
          'is deleted before the next apply (Argo CD shows a deleted Job OutOfSync and, with self-heal, runs it again)',
      }];
    }),
  },
];
