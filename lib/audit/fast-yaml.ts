/**
 * A reader for the plain block YAML that tools write (kubectl, Helm, cdk8s, hand-written manifests):
 * block mappings and sequences, plain and quoted one-line scalars, one-line flow lists, `{}`.
 * It returns exactly what js-yaml returns for such text (values, and where each document's root
 * starts), about three times faster; at the first thing outside that subset (anchors, aliases, tags,
 * block scalars, multi-line scalars, escapes, merge keys, duplicate keys, tabs, control characters,
 * anything malformed) it returns undefined and the caller parses the text with js-yaml, which also
 * owns every error message.
 */

/** Documents and the offset where each document's root node starts (as js-yaml's listener reports it). */
export interface FastYaml {
  readonly values: unknown[];
  readonly starts: number[];
}

/** How the schema types a plain scalar (lib/audit/scalars.ts, the same types js-yaml reads with). */
export type PlainScalarTyper = (raw: string) => unknown;

/** Thrown inside the reader to give up; never escapes it. */
const BAIL = new Error('outside the fast subset');

/** Characters the subset refuses anywhere: tabs, CR, controls, line separators, BOM, non-characters, surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
const REFUSED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

const SP = 0x20;
const NL = 0x0a;
const DASH = 0x2d;
const COLON = 0x3a;
const HASH = 0x23;
const DQ = 0x22;
const SQ = 0x27;
const MAX_DEPTH = 50;
const KEY_CACHE_SIZE = 1024;

/** Characters that start something other than a plain scalar (YAML c-indicator), or that the subset leaves to js-yaml. */
function isIndicator(c: number): boolean {
  switch (c) {
    case 0x2d: case 0x3f: case 0x3a: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x23:
    case 0x26: case 0x2a: case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
    case 0x3c: case 0x5c:
      return true;
    default:
      return false;
  }
}

/** First characters of plain scalars the schema may read as null, bool, int or float (`~`, n, t, f, y, o: null and the YAML 1.1 booleans). */
function mayBeTyped(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x7e
    || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x79 || c === 0x59 || c === 0x6f || c === 0x4f;
}

class Reader {
  private readonly n: number;
  /** Offset of each line's first character; one extra entry past the end. */
  private readonly ls: Int32Array;
  /** Per line: its indentation, -1 for blank and comment-only lines, -2 for a `---` separator. */
  private readonly ind: Int32Array;
  private li = 0;
  private depth = 0;
  private readonly keys: Array<string | undefined> = new Array(KEY_CACHE_SIZE).fill(undefined);

  constructor(private readonly text: string, private readonly typePlain: PlainScalarTyper) {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    if (text.length > 0 && text.charCodeAt(text.length - 1) !== NL) count++;
    this.n = count;
    this.ls = new Int32Array(count + 1);
    this.ind = new Int32Array(count);
    let start = 0;
    for (let l = 0; l < count; l++) {
      this.ls[l] = start;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let p = start;
      while (p < end && text.charCodeAt(p) === SP) p++;
      const c = text.charCodeAt(p);
      if (p === end || c === HASH) this.ind[l] = -1;
      else if (p === start && c === DASH && text.startsWith('---', p) && (p + 3 === end || text.charCodeAt(p + 3) === SP)) {
        const rest = text.slice(p + 3, end).trimStart();
        if (rest !== '' && rest.charCodeAt(0) !== HASH) throw BAIL;
        this.ind[l] = -2;
      } else {
        // Directives and document end markers are left to js-yaml.
        if (p === start && (c === 0x25 || (c === 0x2e && text.startsWith('...', p)))) throw BAIL;
        this.ind[l] = p - start;
      }
      start = end + 1;
    }
    this.ls[count] = start;
  }

  /** Every document, or throws BAIL. */
  public read(): FastYaml {
    const values: unknown[] = [];
    const starts: number[] = [];
    // js-yaml reads a final newline into texts that lack one.
    const eof = this.text.length > 0 && this.text.charCodeAt(this.text.length - 1) === NL ? this.text.length : this.text.length + 1;
    this.skipBlank();
    if (this.li >= this.n) throw BAIL;
    if (this.ind[this.li] === -2) this.li++;
    for (;;) {
      this.skipBlank();
      if (this.li >= this.n || this.ind[this.li] === -2) {
        starts.push(this.li >= this.n ? eof : this.ls[this.li]);
        values.push(null);
      } else {
        const indent = this.ind[this.li];
        starts.push(this.ls[this.li] + indent);
        if (this.isSeqLine(this.li, indent)) throw BAIL;
        values.push(this.map(indent, indent));
        this.skipBlank();
        if (this.li < this.n && this.ind[this.li] !== -2) throw BAIL;
      }
      if (this.li >= this.n) break;
      this.li++;
    }
    return { values, starts };
  }

  private skipBlank(): void {
    while (this.li < this.n && this.ind[this.li] === -1) this.li++;
  }

  private lineEnd(l: number): number {
    return Math.min(this.ls[l + 1] - 1, this.text.length);
  }

  private isSeqLine(l: number, indent: number): boolean {
    const p = this.ls[l] + indent;
    if (this.text.charCodeAt(p) !== DASH) return false;
    return p + 1 >= this.lineEnd(l) || this.text.charCodeAt(p + 1) === SP;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw BAIL;
  }

  /** A block mapping whose keys are at column `indent`; the first key is on the current line at column `first`. */
  private map(indent: number, first: number): Record<string, unknown> {
    this.enter();
    const out: Record<string, unknown> = {};
    const text = this.text;
    let col = first;
    for (;;) {
      const l = this.li;
      const e = this.lineEnd(l);
      const p = this.ls[l] + col;
      let keyEnd: number;
      let key: string;
      const c = text.charCodeAt(p);
      if (c === DQ || c === SQ) {
        const q = this.quotedEnd(p, e);
        key = this.quoted(p, q);
        keyEnd = q;
        if (text.charCodeAt(keyEnd) !== COLON) throw BAIL;
      } else {
        if (isIndicator(c)) throw BAIL;
        keyEnd = this.colon(p, e);
        if (keyEnd < 0) throw BAIL;
        let end = keyEnd;
        while (end > p && text.charCodeAt(end - 1) === SP) end--;
        key = this.plainKey(p, end);
      }
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) throw BAIL;
      let v = keyEnd + 1;
      if (v < e && text.charCodeAt(v) !== SP) throw BAIL;
      while (v < e && text.charCodeAt(v) === SP) v++;
      if (v >= e || text.charCodeAt(v) === HASH) {
        this.li++;
        out[key] = this.nested(indent, true);
      } else {
        out[key] = this.lineValue(v, e, indent);
      }
      this.skipBlank();
      if (this.li >= this.n) break;
      const next = this.ind[this.li];
      if (next === -2 || next < indent) break;
      if (next > indent || this.isSeqLine(this.li, indent)) throw BAIL;
      col = indent;
    }
    this.depth--;
    return out;
  }

  /** A block sequence whose dashes are at column `indent`, starting on the current line. */
  private seq(indent: number): unknown[] {
    this.enter();
    const out: unknown[] = [];
    const text = this.text;
    for (;;) {
      const l = this.li;
      const e = this.lineEnd(l);
      let p = this.ls[l] + indent + 1;
      while (p < e && text.charCodeAt(p) === SP) p++;
      const c = text.charCodeAt(p);
      if (p >= e || c === HASH) {
        if (p < e && text.charCodeAt(p - 1) !== SP) throw BAIL;
        this.li++;
        out.push(this.nested(indent, false));
      } else if (c === DASH && (p + 1 >= e || text.charCodeAt(p + 1) === SP)) {
        throw BAIL;
      } else if (this.isKeyAt(p, e)) {
        out.push(this.map(p - this.ls[l], p - this.ls[l]));
      } else {
        out.push(this.lineValue(p, e, indent));
      }
      this.skipBlank();
      if (this.li >= this.n) break;
      const next = this.ind[this.li];
      if (next === -2 || next < indent) break;
      if (next > indent) throw BAIL;
      if (!this.isSeqLine(this.li, indent)) break;
    }
    this.depth--;
    return out;
  }

  /** A value that ends on its line; a more indented line after it would continue it, which is left to js-yaml. */
  private lineValue(p: number, e: number, indent: number): unknown {
    const value = this.inline(p, e);
    this.li++;
    this.skipBlank();
    if (this.li < this.n && this.ind[this.li] > indent) throw BAIL;
    return value;
  }

  /** The block node under a `key:` or `-` with nothing after it on its line (null when there is none). */
  private nested(parent: number, inMapping: boolean): unknown {
    this.skipBlank();
    if (this.li >= this.n) return null;
    const k = this.ind[this.li];
    if (k === -2) return null;
    const isSeq = this.isSeqLine(this.li, k);
    if (k > parent) return isSeq ? this.seq(k) : this.map(k, k);
    if (k === parent && isSeq && inMapping) return this.seq(k);
    return null;
  }

  /** True when a sequence entry's content is `key: …` (a compact mapping). */
  private isKeyAt(p: number, e: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const q = this.quotedEnd(p, e);
      return this.text.charCodeAt(q) === COLON;
    }
    if (c === 0x5b || c === 0x7b) return false;
    return this.colon(p, e) >= 0;
  }

  /**
   * A plain key, as js-yaml types and then stringifies it. Keys repeat in every object (`name`,
   * `metadata`), so each is sliced once and the same string reused: no new string to hash per entry.
   */
  private plainKey(p: number, end: number): string {
    const text = this.text;
    const length = end - p;
    // Length, both ends and the middle tell keys apart well enough; startsWith below decides.
    const hash = ((((length * 31 + text.charCodeAt(p)) * 31 + text.charCodeAt(end - 1)) * 31
      + text.charCodeAt(p + (length >> 1))) * 31 + text.charCodeAt(p + 1)) | 0;
    const slot = hash & (KEY_CACHE_SIZE - 1);
    const known = this.keys[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, p)) return known;
    const raw = text.slice(p, end);
    const typed = this.plain(raw);
    if (typeof typed === 'object' && typed !== null) throw BAIL;
    const key = String(typed);
    if (key === raw) this.keys[slot] = raw;
    return key;
  }

  /** Offset of the `:` that ends a plain key on this line (followed by a space or the line end), or -1. */
  private colon(p: number, e: number): number {
    const text = this.text;
    for (let k = text.indexOf(':', p); k >= 0 && k < e; k = text.indexOf(':', k + 1)) {
      if (k + 1 >= e || text.charCodeAt(k + 1) === SP) return this.commentAt(p, k) < 0 ? k : -1;
    }
    return -1;
  }

  /** Offset just past the closing quote of a one-line quoted scalar at p (no escapes), else BAIL. */
  private quotedEnd(p: number, e: number): number {
    const text = this.text;
    const quote = text.charCodeAt(p);
    let q = p + 1;
    for (;;) {
      q = text.indexOf(quote === DQ ? '"' : "'", q);
      if (q < 0 || q >= e) throw BAIL;
      if (quote === SQ && text.charCodeAt(q + 1) === SQ) { q += 2; continue; }
      break;
    }
    return q + 1;
  }

  private quoted(p: number, end: number): string {
    const body = this.text.slice(p + 1, end - 1);
    if (this.text.charCodeAt(p) === DQ) {
      if (body.includes('\\')) throw BAIL;
      return body;
    }
    return body.includes("''") ? body.replace(/''/g, "'") : body;
  }

  /** Offset of the space before a ` #` comment in [p, e), or -1. */
  private commentAt(p: number, e: number): number {
    const text = this.text;
    for (let i = p + 1; i < e; i++) if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SP) return i - 1;
    return -1;
  }

  /** A plain scalar as the schema types it. */
  private plain(raw: string): unknown {
    if (raw === '' || raw === '<<') throw BAIL;
    if (!mayBeTyped(raw.charCodeAt(0))) return raw;
    return this.typePlain(raw);
  }

  /** Only spaces and a comment may follow a value on its line. */
  private restOfLine(p: number, e: number): void {
    const text = this.text;
    if (p >= e) return;
    if (text.charCodeAt(p) !== SP) throw BAIL;
    while (p < e && text.charCodeAt(p) === SP) p++;
    if (p < e && text.charCodeAt(p) !== HASH) throw BAIL;
  }

  /** A value that starts on this line at p and ends on it. */
  private inline(p: number, e: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const q = this.quotedEnd(p, e);
      this.restOfLine(q, e);
      return this.quoted(p, q);
    }
    if (c === 0x5b) return this.flowList(p, e);
    if (c === 0x7b) {
      if (text.charCodeAt(p + 1) !== 0x7d) throw BAIL;
      this.restOfLine(p + 2, e);
      return {};
    }
    if (isIndicator(c) && !(c === DASH && p + 1 < e && text.charCodeAt(p + 1) !== SP)) throw BAIL;
    // One pass: the value ends at a ` #` comment; `: ` inside it is a mapping js-yaml would refuse here.
    let end = e;
    for (let i = p + 1; i < e; i++) {
      const d = text.charCodeAt(i);
      if (d === SP) {
        const prev = text.charCodeAt(i - 1);
        if (prev === COLON) throw BAIL;
        if (text.charCodeAt(i + 1) === HASH) { end = i; break; }
      }
    }
    while (end > p && text.charCodeAt(end - 1) === SP) end--;
    if (text.charCodeAt(end - 1) === COLON) throw BAIL;
    return this.plain(text.slice(p, end));
  }

  /** A one-line flow list of scalars: `["/bin/sh", "-c", "sleep 20"]`, `[]`. */
  private flowList(p: number, e: number): unknown[] {
    const text = this.text;
    const out: unknown[] = [];
    let q = p + 1;
    while (q < e && text.charCodeAt(q) === SP) q++;
    if (text.charCodeAt(q) === 0x5d) {
      this.restOfLine(q + 1, e);
      return out;
    }
    for (;;) {
      while (q < e && text.charCodeAt(q) === SP) q++;
      if (q >= e) throw BAIL;
      const c = text.charCodeAt(q);
      if (c === DQ || c === SQ) {
        const end = this.quotedEnd(q, e);
        out.push(this.quoted(q, end));
        q = end;
      } else {
        if (isIndicator(c)) throw BAIL;
        let end = q;
        for (; end < e; end++) {
          const d = text.charCodeAt(end);
          if (d === 0x2c || d === 0x5d) break;
          if (d === 0x5b || d === 0x7b || d === 0x7d || d === COLON || d === HASH) throw BAIL;
        }
        out.push(this.plain(text.slice(q, end).trimEnd()));
        q = end;
      }
      while (q < e && text.charCodeAt(q) === SP) q++;
      const sep = text.charCodeAt(q);
      if (q >= e) throw BAIL;
      if (sep === 0x5d) {
        this.restOfLine(q + 1, e);
        return out;
      }
      if (sep !== 0x2c) throw BAIL;
      q++;
    }
  }
}

/**
 * The documents of a text and where each root node starts, when the whole text is in the subset this
 * reader handles; undefined otherwise (the caller then uses js-yaml).
 */
export function readPlainYaml(text: string, typePlain: PlainScalarTyper): FastYaml | undefined {
  if (REFUSED.test(text)) return undefined;
  try {
    return new Reader(text, typePlain).read();
  } catch (e) {
    if (e === BAIL) return undefined;
    // A stack overflow or anything unexpected: js-yaml decides.
    return undefined;
  }
}
