import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../lib/analysis';

const ROOT = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');

/** README.md and every docs/*.md, as paths from the repository root. */
const MARKDOWN = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/**
 * Files the README links that another branch writes. A missing one is tolerated; once it exists, its
 * links are checked like any other. Remove the entry when the file has landed.
 */

/** Markdown without its fenced code blocks. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The text a reader sees as links: fenced code blocks and inline code removed. */
function prose(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}

/** The targets of inline links and images, and of reference definitions. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...references];
}

/** GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
function slug(heading: string): string {
  const text = heading.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

/** The anchors of a markdown file's headings, with GitHub's -1, -2 suffixes for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test('README.md is a front page: at most 12 KB', () => {
  expect(Buffer.byteLength(readme, 'utf8')).toBeLessThanOrEqual(12 * 1024);
});

test('the README states the two commands up front', () => {
  const top = readme.slice(0, 600);
  expect(top).toContain('npm run synth');
  expect(top).toContain('npm test');
});

test('docs/audit.md documents every audit rule with its severity', () => {
  const audit = read('docs/audit.md');
  for (const rule of ALL_RULES) expect(audit).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
});

test('every relative link in README.md and docs/*.md points at an existing file, and at an existing heading', () => {
  const broken: string[] = [];
  for (const file of MARKDOWN) {
    for (const target of linkTargets(read(file))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const [rawPath, anchor] = target.split('#', 2);
      const linked = rawPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath)));
      if (!fs.existsSync(path.join(ROOT, linked))) {
        broken.push(`${file}: ${target} (no file ${linked})`);
        continue;
      }
      if (anchor && linked.endsWith('.md') && !anchors(read(linked)).has(anchor)) broken.push(`${file}: ${target} (no heading #${anchor} in ${linked})`);
    }
  }
  expect(broken).toEqual([]);
});

test('the link check sees links, and only outside code', () => {
  expect(linkTargets('[a](docs/x.md) and `[b](no.md)`\n```\n[c](code.md)\n```\n[d]: other.md#top\n')).toEqual(['docs/x.md', 'other.md#top']);
  expect([...anchors('# Upgrade 6.7.1 -> 6.7.2\n## Synth: `npm run bench`\n## Synth: `npm run bench`\n')])
    .toEqual(['upgrade-671---672', 'synth-npm-run-bench', 'synth-npm-run-bench-1']);
});
