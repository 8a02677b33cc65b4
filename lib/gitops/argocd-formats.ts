/**
 * The formats Argo CD accepts in an Application's spec (argo-cd pkg/apis/application/v1alpha1 and the
 * sync-options documentation), checked at synth so a typo fails there and not in the cluster.
 */
import { deepFreeze } from '../grammar/freeze';
import { didYouMean } from '../grammar/did-you-mean';
import type { ArgoCdRetry } from './argocd-application-props';

/**
 * The default `directory.exclude`: the file `cdk8s synth` writes beside the YAML when validation plugins
 * run, at the top of the path and in every sub-folder (Argo CD matches the glob against the path relative to
 * the source path, and its `*` matches across `/`). Argo CD fails on a .json file that is not a Kubernetes object.
 */
export const ARGOCD_METADATA_EXCLUDE = '{construct-metadata.json,*/construct-metadata.json}';

/** The default retry of a failed sync (argued on ArgoCdApplicationProps.retry). */
export const ARGOCD_DEFAULT_RETRY: Required<ArgoCdRetry> = deepFreeze({ limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } });

/** Application-wide sync options and the values Argo CD reads for each. */
const SYNC_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  Validate: ['true', 'false'],
  CreateNamespace: ['true', 'false'],
  PruneLast: ['true', 'false'],
  ApplyOutOfSyncOnly: ['true', 'false'],
  ServerSideApply: ['true', 'false'],
  ClientSideApplyMigration: ['true', 'false'],
  Replace: ['true', 'false'],
  Force: ['true', 'false'],
  RespectIgnoreDifferences: ['true', 'false'],
  FailOnSharedResource: ['true', 'false'],
  SkipDryRunOnMissingResource: ['true', 'false'],
  PrunePropagationPolicy: ['foreground', 'background', 'orphan'],
};
/** Sync options Argo CD reads from an object's annotation, not from the Application. */
const PER_OBJECT_OPTIONS = ['Prune', 'Delete'];

/** What is wrong with one `Name=value` sync option, with the fix; undefined when Argo CD reads it. */
export function syncOptionProblem(option: string): { problem: string; fix: string } | undefined {
  const eq = option.indexOf('=');
  const name = eq < 0 ? option : option.slice(0, eq);
  const value = eq < 0 ? undefined : option.slice(eq + 1);
  if (PER_OBJECT_OPTIONS.includes(name)) {
    return {
      problem: "is a per-object option, which Argo CD reads only from an object's argocd.argoproj.io/sync-options annotation",
      fix: 'annotate the objects instead (keepOnDeleteAndPrune(obj) for Delete=false,Prune=false)',
    };
  }
  const values = SYNC_OPTIONS[name];
  if (!values) {
    const meant = didYouMean(name, Object.keys(SYNC_OPTIONS));
    return {
      problem: 'is not an Application sync option Argo CD knows, so it would be ignored',
      fix: meant ? `use ${meant}=${SYNC_OPTIONS[meant][0]}` : `use Name=value with one of ${Object.keys(SYNC_OPTIONS).join(', ')}`,
    };
  }
  if (value === undefined || !values.includes(value)) {
    return { problem: `must be ${name}=value with value ${values.join(' or ')}`, fix: `write ${name}=${values[0]}` };
  }
  return undefined;
}

/** Seconds (`'5'`) or a Go duration (`'5s'`, `'2m'`, `'1h30m'`, `'1.5h'`), as Argo CD parses backoff durations. */
const DURATION = /^(?:\d+|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** Whether `value` is a duration Argo CD's backoff accepts. */
export function isArgoCdDuration(value: string): boolean {
  return DURATION.test(value);
}

/** A cluster API server URL, as Argo CD's destination.server holds it. */
const SERVER_URL = /^https?:\/\/[^\s/?#@]+(?::\d+)?(?:\/\S*)?$/;

/** Whether `value` is a URL Argo CD can use as destination.server. */
export function isServerUrl(value: string): boolean {
  return SERVER_URL.test(value);
}

/** What is wrong with a directory include/exclude glob (Argo CD matches nothing with an invalid one); undefined when fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty, which matches nothing';
  if (glob.startsWith('/')) return 'starts with /, but Argo CD matches paths relative to the source path';
  let braces = 0;
  let brackets = 0;
  for (const ch of glob) {
    if (ch === '{') braces++;
    else if (ch === '}' && --braces < 0) break;
    else if (ch === '[') brackets++;
    else if (ch === ']' && --brackets < 0) break;
  }
  if (braces !== 0 || brackets !== 0) return 'has unbalanced { } or [ ], so Argo CD cannot compile it and matches nothing';
  return undefined;
}

/** What is wrong with a JSON pointer (RFC 6901); undefined when it is one. */
export function jsonPointerProblem(pointer: string): string | undefined {
  if (!pointer.startsWith('/')) return "must start with '/' (a JSON pointer, e.g. '/spec/replicas')";
  if (/~(?![01])/.test(pointer)) return "has '~' not followed by 0 or 1 (write ~0 for '~' and ~1 for '/')";
  return undefined;
}
