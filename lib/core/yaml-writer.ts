import { Yaml } from 'cdk8s';

/**
 * Writes the YAML that cdk8s's `Yaml.stringify` writes, byte for byte, without building the `yaml`
 * library's document tree for every object: at a thousand workloads that tree is most of synth's time.
 * Structure (block maps and sequences, two-space indent, `{}` and `[]` for empty ones) is written
 * here; every scalar that is not plainly safe is formatted by cdk8s's own `Yaml.stringify` (memoized),
 * and a document with anything else (multi-line strings, nested sequences) is handed to it whole.
 */

/** Words YAML 1.1 reads as booleans or null, so a string spelled like one must be quoted. */
const YAML11_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
/** Strings that are plain scalars in YAML 1.1 whatever their context: a letter first, then word characters and `-./:` between them. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*(?:[-./:][A-Za-z0-9_]+)*$/;

class Unsupported extends Error {}

const scalars = new Map<string, string>();
const keys = new Map<string, string>();

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    if (PLAIN.test(value) && !YAML11_WORDS.test(value)) return value;
    let text = scalars.get(value);
    if (text === undefined) {
      text = Yaml.stringify(value).slice(0, -1);
      if (text.includes('\n')) throw new Unsupported();
      scalars.set(value, text);
    }
    return text;
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
    const text = Yaml.stringify(value).slice(0, -1);
    if (text.includes('\n')) throw new Unsupported();
    return text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  throw new Unsupported();
}

function key(name: string): string {
  if (PLAIN.test(name) && !YAML11_WORDS.test(name)) return name;
  let text = keys.get(name);
  if (text === undefined) {
    const line = Yaml.stringify({ [name]: null });
    if (!line.endsWith(': null\n') || line.indexOf('\n') !== line.length - 1) throw new Unsupported();
    text = line.slice(0, -': null\n'.length);
    keys.set(name, text);
  }
  return text;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function writeMap(map: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const name of Object.keys(map)) {
    const value = map[name];
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    const k = key(name);
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${lead}${k}: []\n`);
      else {
        out.push(`${lead}${k}:\n`);
        writeSeq(value, `${indent}  `, out);
      }
    } else if (isMap(value)) {
      if (Object.keys(value).length === 0) out.push(`${lead}${k}: {}\n`);
      else {
        out.push(`${lead}${k}:\n`);
        writeMap(value, `${indent}  `, out);
      }
    } else {
      out.push(`${lead}${k}: ${scalar(value)}\n`);
    }
  }
}

function writeSeq(seq: readonly unknown[], indent: string, out: string[]): void {
  for (const item of seq) {
    if (Array.isArray(item)) {
      if (item.length > 0) throw new Unsupported();
      out.push(`${indent}- []\n`);
    } else if (isMap(item)) {
      if (Object.keys(item).length === 0) out.push(`${indent}- {}\n`);
      else writeMap(item, `${indent}  `, out, `${indent}- `);
    } else {
      out.push(`${indent}- ${scalar(item)}\n`);
    }
  }
}

/** One document as `Yaml.stringify(doc)` writes it. */
function writeDocument(doc: unknown): string {
  if (!isMap(doc) || Object.keys(doc).length === 0) return Yaml.stringify(doc);
  const out: string[] = [];
  try {
    writeMap(doc, '', out);
  } catch (e) {
    if (e instanceof Unsupported) return Yaml.stringify(doc);
    throw e;
  }
  return out.join('');
}

/** The same text as cdk8s's `Yaml.stringify(...docs)`: documents separated by `---`. */
export function stringifyYaml(docs: readonly unknown[]): string {
  return docs.map((d) => (d === undefined ? '\n' : writeDocument(d))).join('---\n');
}
