import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { loadAll } from 'js-yaml';
import { Manifest } from '../../lib/analysis';

/** Kubernetes versions the manifests are validated against: the target and a current cluster. */
export const KUBERNETES_VERSIONS = ['1.27.0', '1.34.0'] as const;
export type KubernetesVersion = typeof KUBERNETES_VERSIONS[number];

const SCHEMAS = path.join(__dirname, '..', 'schemas');
const CRDS = path.join(__dirname, '..', '..', 'imports', 'crds');

/**
 * Makes a schema strict the way kubeconform -strict is: an object schema that lists its properties
 * rejects any other, unless it says it preserves unknown fields.
 */
function strict(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' || k === 'required' ? v : strict(v)]));
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

/**
 * The CRDs' documents, read once per test file (both versions' validators use them; each strictens its own
 * copy). js-yaml rather than yaml's document model: it gives the same objects for these files in a fifth of
 * the time, and four test files build validators.
 */
let crdDocuments: any[] | undefined;
function crds(): any[] {
  crdDocuments ??= fs.readdirSync(CRDS).sort().flatMap((file) => loadAll(fs.readFileSync(path.join(CRDS, file), 'utf8')));
  return crdDocuments;
}

/** A validator for one Kubernetes version, with the Traefik CRDs. */
export class SchemaValidator {
  // Without ajv's optimizing pass over the generated code, which only drops redundant steps: the Argo CD
  // Application schema, which each suite compiles afresh for both versions, compiled in 290-610 ms instead of
  // 480-880 ms (2026-12-05, a loaded machine).
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { optimize: false } });
  private readonly byGvk = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(version: KubernetesVersion) {
    const { definitions } = JSON.parse(fs.readFileSync(path.join(SCHEMAS, `k8s-${version}.json`), 'utf8'));
    this.ajv.addSchema({ $id: 'https://schemas.invalid/k8s', definitions: strict(definitions) });
    for (const [name, def] of Object.entries<any>(definitions)) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) this.byGvk.set(key(gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version, gvk.kind), `https://schemas.invalid/k8s#/definitions/${name}`);
    }
    for (const crd of crds()) {
      for (const v of crd.spec.versions) {
        const id = `https://schemas.invalid/crd/${crd.spec.group}/${v.name}/${crd.spec.names.kind}`;
        const schema = strict(v.schema.openAPIV3Schema);
        // The API server owns metadata; validate it against ObjectMeta like any other object.
        schema.properties.metadata = { $ref: 'https://schemas.invalid/k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' };
        // apiVersion and kind are implicit in every CRD schema (the MySQL Operator's does not list them).
        schema.properties.apiVersion ??= { type: 'string' };
        schema.properties.kind ??= { type: 'string' };
        this.ajv.addSchema({ $id: id, ...schema });
        this.byGvk.set(key(`${crd.spec.group}/${v.name}`, crd.spec.names.kind), id);
      }
    }
  }

  /** Errors of one object as `path: message` lines; empty when it is valid. */
  public errors(manifest: Manifest): string[] {
    const ref = this.byGvk.get(key(manifest.apiVersion ?? '', manifest.kind ?? ''));
    if (!ref) return [`no schema for ${manifest.apiVersion} ${manifest.kind}`];
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(ref)!;
      this.compiled.set(ref, validate);
    }
    if (validate(manifest)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${e.params.additionalProperty}'` : ''}`);
  }
}

function key(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}
