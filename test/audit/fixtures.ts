import * as fs from 'fs';
import * as path from 'path';
import { Manifest, parseManifests } from '../../lib/analysis';

/** Folder of the YAML fixtures. */
export const FIXTURES = path.join(__dirname, '..', 'fixtures');

const shopYaml = fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8');

/** A fresh copy of the hand-written baseline that passes every rule. */
export function shop(): Manifest[] {
  return parseManifests(shopYaml, 'good/shop.yaml');
}

/** The baseline after `change`, which gets its objects by kind. */
export function shopWith(change: (get: (kind: string, name?: string) => any, all: Manifest[]) => void): Manifest[] {
  const all = shop();
  change((kind, name) => all.find((m) => m.kind === kind && (name === undefined || m.metadata?.name === name)), all);
  return all;
}
