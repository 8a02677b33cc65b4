/**
 * The rules of lib/validation, enumerated from its source: every `report(...)` call is one check
 * that produces a finding. A rule is named `file: problem template`, with each interpolation written
 * `…`, and comes with a pattern that matches the problems it reports, so a case can show that it
 * exercises this rule and not a neighbour.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface Rule {
  /** `service.ts: port … is out of range: a port is between 1 and 65535`. */
  readonly id: string;
  /** Matches the `problem` of the findings this call reports. */
  readonly pattern: RegExp;
}

const DIR = path.join(__dirname, '..', '..', 'lib', 'validation');
const WILD = '[\\s\\S]*?';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The id text and pattern source of a problem argument (strings, templates, and choices between them). */
function describe(node: ts.Expression): { text: string; source: string } {
  if (ts.isParenthesizedExpression(node)) return describe(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, source: escape(node.text) };
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    let source = escape(node.head.text);
    for (const span of node.templateSpans) {
      text += `…${span.literal.text}`;
      source += WILD + escape(span.literal.text);
    }
    return { text, source };
  }
  if (ts.isConditionalExpression(node)) {
    const a = describe(node.whenTrue);
    const b = describe(node.whenFalse);
    return { text: `${a.text} | ${b.text}`, source: `(?:${a.source}|${b.source})` };
  }
  return { text: '…', source: WILD };
}

let cached: Rule[] | undefined;

/** Every rule, in source order. */
export function validationRules(): Rule[] {
  if (cached) return cached;
  const rules = new Map<string, Rule>();
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'report' && node.arguments.length >= 4) {
        const { text, source } = describe(node.arguments[2]);
        const id = `${file}: ${text}`;
        if (!rules.has(id)) rules.set(id, { id, pattern: new RegExp(`^${source}$`) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  cached = [...rules.values()];
  return cached;
}
