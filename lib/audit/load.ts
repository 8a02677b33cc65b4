import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Manifest } from './model';

/** Input the audit cannot read: a missing path, a YAML error, a document that is not a Kubernetes object. */
export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

/** Manifests read from files, with the file each came from. */
export interface LoadedManifests {
  readonly manifests: Manifest[];
  readonly sourceOf: (manifest: Manifest) => string | undefined;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) throw new UnusableInputError(`${target}: no such file or folder`);
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target).sort().flatMap((entry) => {
    const full = path.join(target, entry);
    return fs.statSync(full).isDirectory() ? filesUnder(full) : MANIFEST_FILE.test(entry) ? [full] : [];
  });
}

/** Parses one file's documents, expanding `kind: List`; empty documents are skipped. */
export function parseManifests(text: string, source: string): Manifest[] {
  return parseAllDocuments(text, { version: '1.1' }).flatMap((doc, i) => {
    if (doc.errors.length > 0) throw new UnusableInputError(`${source}: document ${i + 1}: ${doc.errors[0].message}`);
    const value = doc.toJSON();
    if (value === null || value === undefined) return [];
    const items = value?.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    return items.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item) || !('kind' in item) || !('apiVersion' in item)) {
        throw new UnusableInputError(`${source}: document ${i + 1} is not a Kubernetes object (no apiVersion and kind)`);
      }
      return item as Manifest;
    });
  });
}

/** Reads every .yaml, .yml and .json file under the given files and folders (recursively, in name order). */
export function loadManifests(targets: readonly string[]): LoadedManifests {
  const sources = new Map<Manifest, string>();
  const manifests = targets.flatMap(filesUnder).flatMap((file) => {
    const found = parseManifests(fs.readFileSync(file, 'utf8'), file);
    found.forEach((m) => sources.set(m, file));
    return found;
  });
  if (manifests.length === 0) throw new UnusableInputError(`no Kubernetes objects found in ${targets.join(', ')}`);
  return { manifests, sourceOf: (m) => sources.get(m) };
}
