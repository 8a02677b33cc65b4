import * as fs from 'fs';
import * as path from 'path';
import * as jsYaml from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from 'yaml';
import { SourcePosition } from './engine';
import { readPlainYaml } from './fast-yaml';
import { MANIFEST_SCHEMA, typePlain } from './scalars';
import { fieldPathSteps } from '../grammar/field-path';
import { asObject, asString } from '../grammar/json';
import { Manifest } from './model';

/** Input the audit cannot use: a missing path, a YAML error, a bomb, a binary file, a symlink loop. */
export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

/** A file or stream the audit did not read, and why. */
export interface SkippedInput {
  readonly path: string;
  readonly reason: string;
}

/** Manifests read from files, with the file and position each came from. */
export interface LoadedManifests {
  readonly manifests: Manifest[];
  /** The file an object was read from. */
  readonly sourceOf: (manifest: Manifest) => string | undefined;
  /** Where the object starts, or where a field of it is (the closest ancestor the YAML has). */
  readonly positionOf: (manifest: Manifest, field?: string) => SourcePosition | undefined;
  /** Files seen but not audited (not Kubernetes objects, Helm templates, FIFOs, …). */
  readonly skipped: readonly SkippedInput[];
}

/** What `-` means on the command line. */
export const STDIN = '-';

/** Options of loadManifests. */
export interface LoadOptions {
  /**
   * The bytes read from standard input, for the target `-`.
   * @default - `-` is refused
   */
  readonly stdin?: Buffer | string;
  /**
   * The file name findings from standard input carry (the file the piped text came from), so that
   * SARIF, JUnit and JSON point at a file of the repository.
   * @default '<stdin>'
   */
  readonly stdinFilename?: string;
  /**
   * How many nodes a document may expand to through YAML aliases before it is refused as a bomb.
   * @default 1_000_000
   */
  readonly maxExpandedNodes?: number;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const DEFAULT_MAX_EXPANDED_NODES = 1_000_000;

/** Tells a Helm chart's templates apart from manifests that merely contain `{{` in a string (alert templates, docs). */
const HELM_TEMPLATE = /\{\{-?\s*(?:if|else|end|range|with|define|template|include|toYaml|tpl|required|\/\*|\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\$\.Values)\b/;
const HELM_HINT = 'render it first: helm template <release> <chart> | zero-downtime-audit -';

interface FileEntry { readonly path: string; readonly explicit: boolean }

/** A file or stream name, quoted when it has characters that would garble a one-line message. */
function shown(file: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it looks for
  return /[\x00-\x1f\x7f]/.test(file) ? JSON.stringify(file) : file;
}

function statOrExplain(target: string): fs.Stats {
  try {
    return fs.statSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UnusableInputError(`${shown(target)}: symlink loop (the link leads back to itself)`);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      let link = false;
      try { link = fs.lstatSync(target).isSymbolicLink(); } catch { /* missing altogether */ }
      throw new UnusableInputError(link ? `${shown(target)}: dangling symlink (it points to ${shown(readLinkSafe(target))}, which does ` +
        `not exist)` : `${shown(target)}: no such file or folder`);
    }
    if (code === 'EACCES' || code === 'EPERM') throw new UnusableInputError(`${shown(target)}: permission denied`);
    throw new UnusableInputError(`${shown(target)}: cannot be read (${code ?? 'unknown error'})`);
  }
}

function readLinkSafe(target: string): string {
  try { return fs.readlinkSync(target); } catch { return '?'; }
}

function nonRegularKind(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Files under a target, in name order; non-regular files are skipped unopened (a FIFO would block), symlink loops refused. */
function collect(target: string, explicit: boolean, ancestors: readonly string[], files: FileEntry[], skipped: SkippedInput[], seen: Set<string>): void {
  const stats = statOrExplain(target);
  if (stats.isDirectory()) {
    const real = fs.realpathSync(target);
    if (ancestors.includes(real)) throw new UnusableInputError(`${shown(target)}: symlink loop (it leads back to ${shown(real)})`);
    if (seen.has(real)) { skipped.push({ path: target, reason: `the same folder as ${real}, already read` }); return; }
    seen.add(real);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(target, { withFileTypes: true }); } catch (e) {
      throw new UnusableInputError(`${shown(target)}: folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(target, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && !MANIFEST_FILE.test(entry.name) && isDirectoryLink(full))) collect(full, false, [...ancestors, real], files,
        skipped, seen);
      else if (MANIFEST_FILE.test(entry.name)) collect(full, false, [...ancestors, real], files, skipped, seen);
    }
    return;
  }
  if (!stats.isFile()) {
    skipped.push({ path: target, reason: `${nonRegularKind(stats)}, not opened${explicit ? ' (to audit a stream, pipe it to `zero-downtime-audit -`)' : ''}` });
    return;
  }
  const real = fs.realpathSync(target);
  if (seen.has(real)) return;
  seen.add(real);
  files.push({ path: target, explicit });
}

function isDirectoryLink(link: string): boolean {
  try { return fs.statSync(link).isDirectory(); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new UnusableInputError(`${shown(link)}: symlink loop (the link leads back to itself)`);
    return false;
  }
}

/** Reads a regular file without ever blocking: O_NONBLOCK, and a re-check that it is still a regular file. */
function readRegularFile(file: string): Buffer {
  let fd: number;
  try { fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)); } catch (e) {
    throw new UnusableInputError(`${shown(file)}: cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new UnusableInputError(`${shown(file)}: not a regular file`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM (decoded). Anything else is refused
 * by name, never echoed: binary data, UTF-16 without a BOM, UTF-32, invalid UTF-8.
 */
export function decodeText(bytes: Buffer, file: string): string {
  const b = bytes;
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    throw new UnusableInputError(`${shown(file)}: UTF-32 text; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)`);
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
    return new TextDecoder('utf-16le').decode(swapped.swap16());
  }
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const nul = b.indexOf(0, start);
  if (nul >= 0) {
    const sample = b.subarray(start, Math.min(b.length, start + 512));
    const evenNuls = sample.filter((x, i) => i % 2 === 0 && x === 0).length;
    const oddNuls = sample.filter((x, i) => i % 2 === 1 && x === 0).length;
    const utf16 = Math.max(evenNuls, oddNuls) > sample.length / 4 && Math.min(evenNuls, oddNuls) === 0;
    throw new UnusableInputError(utf16
      ? `${shown(file)}: UTF-16 text without a byte-order mark; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)`
      : `${shown(file)}: binary data (a NUL byte at offset ${nul}), not YAML or JSON`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(start));
  } catch {
    throw new UnusableInputError(`${shown(file)}: not valid UTF-8 (binary data or another encoding); convert it to UTF-8`);
  }
}

/** One parsed document: where it is in its text. */
interface DocumentSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly lineStarts: () => Int32Array;
}

interface ObjectOrigin {
  readonly file: string;
  readonly span: DocumentSpan;
  /** Path of the object inside its document (`items[i]` of a List). */
  readonly prefix: ReadonlyArray<string | number>;
  /** Where the document's root node starts; computed only for objects that are reported. */
  readonly position: () => SourcePosition;
}

function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}

function positionAt(starts: Int32Array, offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Nodes counted through aliases, to refuse a document whose aliases expand it past `limit` (a billion-laughs bomb). */
function expandedSize(root: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const visiting = new Set<object>();
  const size = (value: unknown): number => {
    if (typeof value !== 'object' || value === null) return 1;
    const known = memo.get(value);
    if (known !== undefined) return known;
    if (visiting.has(value)) return Infinity;
    visiting.add(value);
    let total = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      total += size(child);
      if (total > limit) break;
    }
    visiting.delete(value);
    memo.set(value, total);
    return total;
  };
  return size(root);
}

/** Loose test for YAML aliases (`*name`); only texts that may have them pay for the expansion check. */
const MAY_HAVE_ALIAS = /(^|[\s,[{:-])\*[^\s,[\]{}]/m;

function describeKind(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'a mapping without apiVersion and kind' : `a ${typeof value}`;
}

/** Files with apiVersion and kind that configure tools, not the cluster: kustomizations, kubeconfigs, kind and skaffold configs. */
function isToolConfig(apiVersion: string, kind: string): boolean {
  return /^(kustomize\.config\.k8s\.io|kind\.x-k8s\.io|skaffold)\//.test(apiVersion) || (apiVersion === 'v1' && kind === 'Config');
}

function isKubernetesObject(value: unknown): value is Manifest {
  const object = asObject(value);
  return object !== undefined && typeof object.kind === 'string' && typeof object.apiVersion === 'string' && !isToolConfig(object.apiVersion, object.kind);
}

/** Why a file with no Kubernetes object is not one: a chart's metadata, Helm values, a kustomization. */
function notKubernetesReason(file: string, docs: unknown[]): string {
  const base = path.basename(file).toLowerCase();
  if (base === 'chart.yaml' || base === 'chart.yml' || base === 'chart.lock') return 'Helm chart metadata';
  if (/^values.*\.ya?ml$/.test(base) || base === 'values.schema.json') return 'Helm values';
  const kinds = docs.map((d) => asString(asObject(d)?.kind));
  if (kinds.some((k) => k === 'Kustomization' || k === 'Component') || /^kustomization\.ya?ml$/.test(base)) {
    return 'a kustomization: render it first: kustomize build <folder> | zero-downtime-audit -';
  }
  const config = docs.map(asObject).find((d) => d && typeof d.apiVersion === 'string' && typeof d.kind === 'string');
  if (config) return `a ${config.kind} of ${config.apiVersion}, which configures a tool, not the cluster`;
  const first = docs.findIndex((d) => !isKubernetesObject(d));
  return `not a Kubernetes object (document ${first + 1} is ${describeKind(docs[first])})`;
}

/** The result of reading one text. */
interface ParsedText {
  readonly manifests: Array<{ manifest: Manifest; origin: ObjectOrigin }>;
  /** Set when no document is a Kubernetes object. */
  readonly notKubernetes?: string;
}

function yamlError(e: unknown, source: string, lineOffset = 0): UnusableInputError {
  if (e instanceof jsYaml.YAMLException) {
    const reason = (e.reason ?? 'invalid YAML').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
    return new UnusableInputError(`${shown(source)}:${(e.mark?.line ?? 0) + 1 + lineOffset}:${(e.mark?.column ?? 0) + 1}: ${reason}`);
  }
  if (e instanceof RangeError) return new UnusableInputError(`${shown(source)}: nested too deeply to parse`);
  return new UnusableInputError(`${shown(source)}: cannot be parsed (${e instanceof Error ? e.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) : 'unknown error'})`);
}

/** Every document of a text, with the offset where each root node starts, read by js-yaml. */
export function jsYamlDocuments(text: string, source: string): { values: unknown[]; starts: number[] } {
  const values: unknown[] = [];
  const starts: number[] = [];
  let depth = 0;
  try {
    jsYaml.loadAll(text, (doc) => values.push(doc), {
      schema: MANIFEST_SCHEMA,
      filename: source,
      listener(event, state) {
        if (event === 'open') {
          if (depth === 0) starts.push(state.position);
          depth++;
        } else depth--;
      },
    });
  } catch (e) {
    throw yamlError(e, source);
  }
  return { values, starts };
}

/** Parses one text's documents, expanding `kind: List`; empty documents are skipped. */
function parseText(text: string, source: string, maxExpandedNodes: number): ParsedText {
  const fast = readPlainYaml(text, typePlain);
  const { values, starts } = fast ?? jsYamlDocuments(text, source);
  let lineStarts: Int32Array | undefined;
  const lines = () => (lineStarts ??= lineStartsOf(text));
  const aligned = starts.length === values.length;
  // The fast reader refuses aliases, so only js-yaml's documents can be bombs.
  const checkBombs = !fast && MAY_HAVE_ALIAS.test(text);
  const docs = values.map((value, i) => ({ value, i })).filter(({ value }) => value !== null && value !== undefined);
  if (docs.length === 0) return { manifests: [] };
  const objects = docs.filter(({ value }) => isKubernetesObject(value));
  if (objects.length === 0) return { manifests: [], notKubernetes: notKubernetesReason(source, docs.map((d) => d.value)) };

  const manifests: ParsedText['manifests'] = [];
  for (const { value, i } of docs) {
    const span: DocumentSpan = { text, start: aligned ? starts[i] : 0, end: aligned && i + 1 < starts.length ? starts[i + 1] : text.length, lineStarts: lines };
    const docPosition = (): SourcePosition => (aligned ? positionAt(lines(), starts[i]) : { line: 1, column: 1 });
    if (checkBombs && expandedSize(value, maxExpandedNodes) > maxExpandedNodes) {
      throw new UnusableInputError(`${shown(source)}:${docPosition().line}: document ${i + 1} expands to ` +
        `more than ${maxExpandedNodes.toLocaleString('en-US')} nodes through YAML aliases (a YAML bomb); refused`);
    }
    if (!isKubernetesObject(value)) {
      throw new UnusableInputError(`${shown(source)}:${docPosition().line}: document ${i + 1} is not a Kubernetes object (it is ${describeKind(value)})`);
    }
    const object = value as Manifest;
    const items = /List$/.test(object.kind ?? '') && Array.isArray(object.items) ? object.items : undefined;
    if (Array.isArray(items)) {
      items.forEach((item: unknown, j: number) => {
        if (!isKubernetesObject(item)) throw new UnusableInputError(`${shown(source)}:${docPosition().line}: document ${i + 1}, items[${j}] is not a Kubernetes ` +
          `object (it is ${describeKind(item)})`);
        manifests.push({ manifest: item, origin: { file: source, span, prefix: ['items', j], position: docPosition } });
      });
    } else {
      manifests.push({ manifest: object, origin: { file: source, span, prefix: [], position: docPosition } });
    }
  }
  return { manifests };
}

/** Line and column of a field, found by re-reading only that document with a position-keeping parser. */
function locateField(origin: ObjectOrigin, field: string | undefined, cache: Map<DocumentSpan, Node | null>): SourcePosition {
  if (field === undefined) return objectPosition(origin, cache);
  let root = cache.get(origin.span);
  if (root === undefined) {
    const [doc] = parseAllDocuments(origin.span.text.slice(origin.span.start, origin.span.end), { lineCounter: new LineCounter(), keepSourceTokens: false });
    root = (doc && 'contents' in doc ? doc.contents as Node | null : null) ?? null;
    cache.set(origin.span, root);
  }
  let node: Node | null = root;
  let found = node;
  for (const step of [...origin.prefix, ...fieldPathSteps(field)]) {
    let next: Node | null = null;
    let at: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (pair) { next = (pair.value as Node | null) ?? null; at = pair.key as Node; }
    } else if (isSeq(node) && typeof step === 'number') {
      next = (node.items[step] as Node | undefined) ?? null;
      at = next;
    }
    if (!at) break;
    found = at;
    node = next;
    if (!node || isAlias(node)) break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? origin.position() : positionAt(origin.span.lineStarts(), origin.span.start + offset);
}

function objectPosition(origin: ObjectOrigin, cache: Map<DocumentSpan, Node | null>): SourcePosition {
  return origin.prefix.length === 0 ? origin.position() : locateField({ ...origin, prefix: [] },
    origin.prefix.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '['), cache);
}

/** Parses one text's documents (YAML or JSON), expanding `kind: List`; empty documents are skipped. */
export function parseManifests(text: string, source: string): Manifest[] {
  const parsed = parseText(text, source, DEFAULT_MAX_EXPANDED_NODES);
  if (parsed.notKubernetes) throw new UnusableInputError(`${shown(source)}: ${parsed.notKubernetes}`);
  return parsed.manifests.map((m) => m.manifest);
}

/**
 * Reads every .yaml, .yml and .json file under the given files and folders (recursively, in name order),
 * and `-` from standard input. In folders, files that hold no Kubernetes object (Chart.yaml, values.yaml,
 * a kustomization) and Helm templates are skipped and listed; so are FIFOs and other non-regular files,
 * which are never opened.
 */
export function loadManifests(targets: readonly string[], options: LoadOptions = {}): LoadedManifests {
  const maxExpandedNodes = options.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES;
  const files: FileEntry[] = [];
  const skipped: SkippedInput[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (target === STDIN) files.push({ path: STDIN, explicit: true });
    else collect(target, true, [], files, skipped, seen);
  }
  const origins = new Map<Manifest, ObjectOrigin>();
  const manifests: Manifest[] = [];
  for (const file of files) {
    const name = file.path === STDIN ? options.stdinFilename ?? '<stdin>' : file.path;
    let bytes: Buffer;
    if (file.path === STDIN) {
      if (options.stdin === undefined) throw new UnusableInputError('-: standard input was not read');
      bytes = typeof options.stdin === 'string' ? Buffer.from(options.stdin, 'utf8') : options.stdin;
    } else bytes = readRegularFile(file.path);
    const text = decodeText(bytes, name);
    if (HELM_TEMPLATE.test(text)) {
      if (file.explicit) throw new UnusableInputError(`${shown(name)}: a Helm template ({{ ... }}), not a manifest; ${HELM_HINT}`);
      skipped.push({ path: name, reason: `a Helm template; ${HELM_HINT}` });
      continue;
    }
    const parsed = parseText(text, name, maxExpandedNodes);
    if (parsed.notKubernetes) {
      if (file.explicit) throw new UnusableInputError(`${shown(name)}: ${parsed.notKubernetes}`);
      skipped.push({ path: name, reason: parsed.notKubernetes });
      continue;
    }
    for (const { manifest, origin } of parsed.manifests) {
      origins.set(manifest, origin);
      manifests.push(manifest);
    }
  }
  if (manifests.length === 0) {
    const why = skipped.length > 0 ? `; skipped: ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}` : '';
    throw new UnusableInputError(`no Kubernetes objects found in ${targets.join(', ')}${why}`);
  }
  const cache = new Map<DocumentSpan, Node | null>();
  return {
    manifests,
    skipped,
    sourceOf: (m) => origins.get(m)?.file,
    positionOf: (m, field) => {
      const origin = origins.get(m);
      return origin && locateField(origin, field, cache);
    },
  };
}
