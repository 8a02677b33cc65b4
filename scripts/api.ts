// Generates docs/API.md and test/api/exports.txt (the pinned runtime export names) from the package's entry
// points: lib/index.ts (`zero-downtime-charts`) and lib/analysis.ts (`zero-downtime-charts/analysis`).
//   npm run api            regenerate both
//   npm run api -- --check exit 1 when either is stale
// It reads the sources syntactically (no type-checking, so it takes well under a second): every name
// an entry point exports is followed to its declaration, documented from its JSDoc, and checked for
// public declarations that mention a type of this package that is not exported ("forgotten exports").
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.join(__dirname, '..');
export const API_MD = path.join(ROOT, 'docs', 'API.md');
export const EXPORTS_TXT = path.join(ROOT, 'test', 'api', 'exports.txt');
/** The package's entry points: the module users import, and its source. */
export const ENTRY_POINTS: ReadonlyArray<{ readonly module: string; readonly file: string }> = [
  { module: 'zero-downtime-charts', file: path.join(ROOT, 'lib', 'index.ts') },
  { module: 'zero-downtime-charts/analysis', file: path.join(ROOT, 'lib', 'analysis.ts') },
];

/** One exported name and the declaration behind it. */
export interface ApiEntry {
  /** The name users import. */
  readonly name: string;
  /** The module users import it from. */
  readonly module: string;
  /** Heading of the entry point section that exports it. */
  readonly section: string;
  /** Whether the name exists at runtime (not a type-only export). */
  readonly runtime: boolean;
  readonly kind: 'class' | 'interface' | 'type' | 'function' | 'enum' | 'const';
  readonly declaration: ts.Node;
  readonly file: string;
}

const sourceFiles = new Map<string, ts.SourceFile>();

function source(file: string): ts.SourceFile {
  let sf = sourceFiles.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    sourceFiles.set(file, sf);
  }
  return sf;
}

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

/** The declaration a module exports under `name`, following re-exports. */
function findExport(file: string, name: string): { declaration: ts.Node; file: string } | undefined {
  for (const stmt of source(file).statements) {
    if (ts.isExportDeclaration(stmt) && !stmt.moduleSpecifier && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      // `export { x }` of a name declared or imported in this module.
      const spec = stmt.exportClause.elements.find((e) => e.name.text === name);
      if (spec) return findLocal(file, (spec.propertyName ?? spec.name).text);
    } else if (ts.isExportDeclaration(stmt) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const target = resolveModule(file, stmt.moduleSpecifier.text);
      if (!target) continue;
      if (!stmt.exportClause) {
        const found = findExport(target, name);
        if (found) return found;
      } else if (ts.isNamedExports(stmt.exportClause)) {
        const spec = stmt.exportClause.elements.find((e) => e.name.text === name);
        if (spec) return findExport(target, (spec.propertyName ?? spec.name).text);
      }
    } else if (hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) {
      const declaration = localDeclaration(stmt, name);
      if (declaration) return { declaration, file };
    }
  }
  return undefined;
}

/** The declaration behind a name a module declares or imports from another module of the package. */
function findLocal(file: string, name: string): { declaration: ts.Node; file: string } | undefined {
  for (const stmt of source(file).statements) {
    const declaration = localDeclaration(stmt, name);
    if (declaration) return { declaration, file };
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier) && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
      const spec = stmt.importClause.namedBindings.elements.find((e) => e.name.text === name);
      const target = spec && resolveModule(file, stmt.moduleSpecifier.text);
      if (spec && target) return findExport(target, (spec.propertyName ?? spec.name).text);
    }
  }
  return undefined;
}

/** The declaration of `name` in one statement, if it declares it. */
function localDeclaration(stmt: ts.Statement, name: string): ts.Node | undefined {
  if (ts.isVariableStatement(stmt)) {
    return stmt.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name) ? stmt : undefined;
  }
  const named = stmt as ts.Statement & { name?: ts.Node };
  return (ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isFunctionDeclaration(stmt) || ts.isEnumDeclaration(stmt))
    && named.name && ts.isIdentifier(named.name) && named.name.text === name ? stmt : undefined;
}

function kindOf(node: ts.Node): ApiEntry['kind'] {
  if (ts.isClassDeclaration(node)) return 'class';
  if (ts.isInterfaceDeclaration(node)) return 'interface';
  if (ts.isTypeAliasDeclaration(node)) return 'type';
  if (ts.isFunctionDeclaration(node)) return 'function';
  if (ts.isEnumDeclaration(node)) return 'enum';
  return 'const';
}

/** Every name the entry points export, in their order, with its section and declaration. */
export function collectApi(): ApiEntry[] {
  return ENTRY_POINTS.flatMap(({ module, file }) => collectEntryPoint(module, file));
}

function collectEntryPoint(module: string, indexFile: string): ApiEntry[] {
  const index = source(indexFile);
  const shown = path.relative(ROOT, indexFile);
  const entries: ApiEntry[] = [];
  let section = 'API';
  for (const stmt of index.statements) {
    const comments = ts.getLeadingCommentRanges(index.text, stmt.pos) ?? [];
    const last = comments[comments.length - 1];
    if (last) section = index.text.slice(last.pos, last.end).replace(/^\/\/\s*/, '').trim();
    if (!ts.isExportDeclaration(stmt) || !stmt.moduleSpecifier || !ts.isStringLiteral(stmt.moduleSpecifier)) {
      throw new Error(`${shown}: only re-exports belong here, found: ${stmt.getText().slice(0, 80)}`);
    }
    const target = resolveModule(indexFile, stmt.moduleSpecifier.text);
    if (!target) throw new Error(`${shown}: cannot resolve ${stmt.moduleSpecifier.text}`);
    const names: Array<{ exported: string; local: string; typeOnly: boolean }> = stmt.exportClause && ts.isNamedExports(stmt.exportClause)
      ? stmt.exportClause.elements.map((e) => ({ exported: e.name.text, local: (e.propertyName ?? e.name).text, typeOnly: stmt.isTypeOnly || e.isTypeOnly }))
      : exportedNames(target).map((n) => ({ exported: n, local: n, typeOnly: stmt.isTypeOnly }));
    for (const n of names) {
      const found = findExport(target, n.local);
      if (!found) throw new Error(`${shown}: ${stmt.moduleSpecifier.text} does not export ${n.local}`);
      const kind = kindOf(found.declaration);
      entries.push({ name: n.exported, module, section, runtime: !n.typeOnly && kind !== 'interface' && kind !== 'type', kind, ...found });
    }
  }
  return entries;
}

/** The names a module exports (for `export *`). */
function exportedNames(file: string): string[] {
  return source(file).statements.flatMap((stmt): string[] => {
    if (ts.isExportDeclaration(stmt)) {
      const target = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? resolveModule(file, stmt.moduleSpecifier.text) : undefined;
      if (stmt.exportClause && ts.isNamedExports(stmt.exportClause)) return stmt.exportClause.elements.map((e) => e.name.text);
      return target ? exportedNames(target) : [];
    }
    if (!hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
    const named = stmt as ts.Statement & { name?: ts.Node };
    return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
  });
}

// ---- Forgotten exports: public declarations must only mention public types of this package.

/** Parts of a declaration users see: not bodies, not initializers of functions, not private members. */
function publicParts(node: ts.Node): ts.Node[] {
  if (ts.isClassDeclaration(node)) {
    return [...(node.heritageClauses ?? []), ...(node.typeParameters ?? []), ...node.members.filter(isPublicMember)];
  }
  return [node];
}

function isPublicMember(m: ts.ClassElement | ts.TypeElement): boolean {
  if (hasModifier(m, ts.SyntaxKind.PrivateKeyword) || hasModifier(m, ts.SyntaxKind.ProtectedKeyword)) return false;
  if (m.name && ts.isPrivateIdentifier(m.name)) return false;
  return !ts.getJSDocTags(m).some((t) => t.tagName.text === 'internal');
}

/** Type names a declaration mentions, as `file#name` of their declarations in this package. */
function mentionedTypes(entry: ApiEntry): Array<{ name: string; key: string }> {
  const sf = source(entry.file);
  const found: Array<{ name: string; key: string }> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBlock(n)) return; // bodies are not API
    if (ts.isVariableDeclaration(n) && n.initializer && n.type) return visit(n.type);
    const ref = ts.isTypeReferenceNode(n) ? n.typeName : ts.isExpressionWithTypeArguments(n) ? n.expression : ts.isTypeQueryNode(n) ? n.exprName : undefined;
    if (ref) {
      let left: ts.Node = ref;
      while (ts.isQualifiedName(left) || ts.isPropertyAccessExpression(left)) left = ts.isQualifiedName(left) ? left.left : left.expression;
      if (ts.isIdentifier(left)) {
        const origin = originOf(sf, left.text);
        if (origin) found.push({ name: left.text, key: origin });
      }
    }
    ts.forEachChild(n, visit);
  };
  for (const part of publicParts(entry.declaration)) visit(part);
  return found;
}

/** Where a name used in `sf` is declared, as `file#name`, when that is inside lib/ (else undefined). */
function originOf(sf: ts.SourceFile, name: string): string | undefined {
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier) && stmt.importClause?.namedBindings) {
      const target = resolveModule(sf.fileName, stmt.moduleSpecifier.text);
      const bindings = stmt.importClause.namedBindings;
      if (!target || !target.startsWith(path.join(ROOT, 'lib'))) continue;
      if (ts.isNamedImports(bindings)) {
        const spec = bindings.elements.find((e) => e.name.text === name);
        if (spec) {
          const found = findExport(target, (spec.propertyName ?? spec.name).text);
          return found ? keyOf(found.declaration, found.file) : `${target}#${name}`;
        }
      }
    } else if (localDeclaration(stmt, name)) {
      return keyOf(localDeclaration(stmt, name)!, sf.fileName);
    }
  }
  return undefined;
}

function keyOf(declaration: ts.Node, file: string): string {
  return `${path.relative(ROOT, file)}:${declaration.pos}`;
}

/**
 * Types of this package that public declarations mention but users cannot import: the root's declarations
 * may mention only the root's types (props are imported with their construct); the analysis entry point's
 * may mention both.
 */
export function forgottenExports(entries: readonly ApiEntry[]): string[] {
  const root = ENTRY_POINTS[0].module;
  const exportedBy = (modules: readonly string[]) => new Set(entries.filter((e) => modules.includes(e.module)).map((e) => keyOf(e.declaration, e.file)));
  const fromRoot = exportedBy([root]);
  const fromAny = exportedBy(ENTRY_POINTS.map((p) => p.module));
  const problems = new Set<string>();
  for (const entry of entries) {
    const exported = entry.module === root ? fromRoot : fromAny;
    for (const t of mentionedTypes(entry)) {
      if (!exported.has(t.key)) problems.add(`${entry.name} mentions ${t.name} (${t.key.split(':')[0]}), which ${entry.module} does not export`);
    }
  }
  return [...problems].sort();
}

/** Exports without a JSDoc comment. */
export function undocumented(entries: readonly ApiEntry[]): string[] {
  return entries.filter((e) => !docOf(e.declaration)).map((e) => e.name);
}

// ---- Rendering

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');

/** The JSDoc text of a node, without tags. */
function docOf(node: ts.Node): string {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  return docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
}

function tagOf(node: ts.Node, tag: string): string | undefined {
  const found = ts.getJSDocTags(node).find((t) => t.tagName.text === tag);
  return found ? (ts.getTextOfJSDocComment(found.comment) ?? '').trim() : undefined;
}

function typeText(node: ts.TypeNode | undefined): string {
  return node ? oneLine(node.getText()) : 'unknown';
}

function params(list: ts.NodeArray<ts.ParameterDeclaration>): string {
  return list.map((p) => `${p.dotDotDotToken ? '...' : ''}${p.name.getText()}${p.questionToken || p.initializer ? '?' : ''}: ${typeText(p.type)}`).join(', ');
}

function typeParams(list: ts.NodeArray<ts.TypeParameterDeclaration> | undefined): string {
  return list ? `<${list.map((t) => oneLine(t.getText())).join(', ')}>` : '';
}

function heritage(node: ts.ClassDeclaration | ts.InterfaceDeclaration): string {
  return (node.heritageClauses ?? []).map((h) => ` ${oneLine(h.getText())}`).join('');
}

/** Constructor parameters declared `public` or `readonly`: they are properties too. */
function parameterProperties(members: ReadonlyArray<ts.ClassElement | ts.TypeElement>): ts.ParameterDeclaration[] {
  return members.filter(ts.isConstructorDeclaration).flatMap((c) => c.parameters.filter((p) => ts.isParameterPropertyDeclaration(p, c)
    && !hasModifier(p, ts.SyntaxKind.PrivateKeyword) && !hasModifier(p, ts.SyntaxKind.ProtectedKeyword)));
}

function memberRows(members: ReadonlyArray<ts.ClassElement | ts.TypeElement>): string[] {
  const rows: string[] = [];
  for (const p of parameterProperties(members)) {
    rows.push(`| \`${p.name.getText()}\` | \`${cell(typeText(p.type))}\` | ${cell(docOf(p))} |`);
  }
  for (const m of members.filter(isPublicMember)) {
    if (!(ts.isPropertyDeclaration(m) || ts.isPropertySignature(m) || ts.isGetAccessorDeclaration(m))) continue;
    const name = `${hasModifier(m, ts.SyntaxKind.StaticKeyword) ? 'static ' : ''}${m.name.getText()}${m.questionToken ? '?' : ''}`;
    const dflt = tagOf(m, 'default')?.replace(/^-\s*/, '');
    rows.push(`| \`${name}\` | \`${cell(typeText(m.type))}\` | ${cell(docOf(m))}${dflt !== undefined ? ` Default: ${cell(dflt)}.` : ''} |`);
  }
  return rows.length ? ['| Name | Type | Description |', '| --- | --- | --- |', ...rows] : [];
}

function methodLines(owner: string, members: ReadonlyArray<ts.ClassElement | ts.TypeElement>): string[] {
  const lines: string[] = [];
  for (const m of members.filter(isPublicMember)) {
    if (ts.isConstructorDeclaration(m)) {
      lines.push(`- \`new ${owner}(${params(m.parameters)})\`${docOf(m) ? `: ${oneLine(docOf(m))}` : ''}`);
    } else if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) {
      const stat = hasModifier(m, ts.SyntaxKind.StaticKeyword) ? `${owner}.` : '';
      lines.push(`- \`${stat}${m.name.getText()}${typeParams(m.typeParameters)}(${params(m.parameters)}): ${typeText(m.type)}\`${docOf(m) ? `: ${oneLine(docOf(m))}` : ''}`);
    }
  }
  return lines;
}

function renderEntry(e: ApiEntry): string[] {
  const d = e.declaration;
  const out = [`### ${e.name}`, ''];
  const doc = docOf(d);
  if (ts.isClassDeclaration(d)) {
    out.push(`\`class ${e.name}${typeParams(d.typeParameters)}${heritage(d)}\``, '');
    if (doc) out.push(doc, '');
    const methods = methodLines(e.name, d.members);
    if (methods.length) out.push(...methods, '');
    const rows = memberRows(d.members);
    if (rows.length) out.push(...rows, '');
  } else if (ts.isInterfaceDeclaration(d)) {
    out.push(`\`interface ${e.name}${typeParams(d.typeParameters)}${heritage(d)}\``, '');
    if (doc) out.push(doc, '');
    const rows = memberRows(d.members);
    if (rows.length) out.push(...rows, '');
    const methods = methodLines(e.name, d.members);
    if (methods.length) out.push(...methods, '');
  } else if (ts.isFunctionDeclaration(d)) {
    out.push(`\`function ${e.name}${typeParams(d.typeParameters)}(${params(d.parameters)}): ${typeText(d.type)}\``, '');
    if (doc) out.push(doc, '');
  } else if (ts.isTypeAliasDeclaration(d)) {
    out.push('```ts', `type ${e.name}${typeParams(d.typeParameters)} = ${d.type.getText()}`, '```', '');
    if (doc) out.push(doc, '');
  } else if (ts.isEnumDeclaration(d)) {
    out.push(`\`enum ${e.name}\`: ${d.members.map((m) => `\`${oneLine(m.getText())}\``).join(', ')}`, '');
    if (doc) out.push(doc, '');
  } else if (ts.isVariableStatement(d)) {
    const decl = d.declarationList.declarations.find((v) => v.name.getText() === (findLocalName(e) ?? e.name))!;
    const init = decl.initializer?.getText() ?? '';
    out.push('```ts', `const ${e.name}${decl.type ? `: ${typeText(decl.type)}` : ''}${init && init.split('\n').length <= 40 ? ` = ${init}` : ''}`, '```', '');
    if (doc) out.push(doc, '');
  }
  return out;
}

/** The name a const is declared under in its module (ZERO_DOWNTIME_DEFAULTS is DEFAULTS there). */
function findLocalName(e: ApiEntry): string | undefined {
  const d = e.declaration as ts.VariableStatement;
  return d.declarationList.declarations.length === 1 ? d.declarationList.declarations[0].name.getText() : undefined;
}

// GitHub's anchors: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.
const anchor = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');

/** docs/API.md. */
export function renderApiMarkdown(entries: readonly ApiEntry[]): string {
  const sections = [...new Set(entries.map((e) => e.section))];
  const out = [
    '# API reference',
    '',
    '<!-- Generated from lib/index.ts and lib/analysis.ts by `npm run api`; do not edit by hand. -->',
    '',
    'Everything below is exported by `zero-downtime-charts` (`import { ... } from \'zero-downtime-charts\'`):',
    'the constructs, their props and the functions that build with them; or, where the heading says so, by',
    '`zero-downtime-charts/analysis`: the rules and the audit over plain manifests. Other modules of the',
    'package are internal and may change in any release.',
    '',
  ];
  const heading = (s: string) => {
    const module = entries.find((e) => e.section === s)!.module;
    return module === ENTRY_POINTS[0].module ? s : `${s} (${module})`;
  };
  for (const s of sections) {
    const names = entries.filter((e) => e.section === s).map((e) => `[${e.name}](#${anchor(e.name)})`);
    out.push(`- **[${heading(s)}](#${anchor(heading(s))})**: ${names.join(', ')}`);
  }
  out.push('');
  for (const s of sections) {
    out.push(`## ${heading(s)}`, '');
    for (const e of entries.filter((x) => x.section === s)) out.push(...renderEntry(e));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** test/api/exports.txt: the runtime export names with their kinds, sorted; a subpath's names after its path (`analysis/audit`). */
export function renderExports(entries: readonly ApiEntry[]): string {
  return `${entries.filter((e) => e.runtime).map((e) => `${exportPath(e)} ${e.kind}`).sort().join('\n')}\n`;
}

/** `name` for the root, `analysis/name` for `zero-downtime-charts/analysis`. */
export function exportPath(e: Pick<ApiEntry, 'module' | 'name'>): string {
  const subpath = e.module.slice(ENTRY_POINTS[0].module.length + 1);
  return subpath ? `${subpath}/${e.name}` : e.name;
}

function main(argv: readonly string[]): number {
  const entries = collectApi();
  const forgotten = forgottenExports(entries);
  if (forgotten.length) {
    process.stderr.write(`Public declarations mention types that their entry point does not export:\n${forgotten.map((f) => `  - ${f}`).join('\n')}\n`);
    return 1;
  }
  const outputs: Array<[string, string]> = [[API_MD, renderApiMarkdown(entries)], [EXPORTS_TXT, renderExports(entries)]];
  if (argv.includes('--check')) {
    const stale = outputs.filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text).map(([file]) => path.relative(ROOT, file));
    if (stale.length) process.stderr.write(`stale: ${stale.join(', ')}; run \`npm run api\`\n`);
    return stale.length ? 1 : 0;
  }
  for (const [file, text] of outputs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  process.stdout.write(`wrote ${outputs.map(([f]) => path.relative(ROOT, f)).join(', ')} (${entries.length} exports, ${entries.filter((e) => e.runtime).length} at runtime)\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
