import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../lib/analysis';
import { MARIADB, PHP } from './requires';

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

/** Text with every run of white space, line breaks included, as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

// Issue 19, point 1: the README named neither MariaDB nor PHP, and promised a test time it did not keep.
test('the README says what each command needs: `npm test` no database or PHP; the integration suites name their Debian packages', () => {
  const row = (command: string) => readme.split('\n').find((l) => l.startsWith(`| \`${command}`)) ?? '';
  expect(row('npm test')).toMatch(/no database, PHP/);
  for (const { apt } of [...MARIADB, ...PHP]) expect([apt, row('npm run test:integration').includes(apt)]).toEqual([apt, true]);
  // Measured times live in docs/, with their machine and load: the front page promises none for the tests.
  for (const line of readme.split('\n').filter((l) => /npm (run )?test/.test(l))) expect(line).not.toMatch(/\b\d+(\.\d+)? ?(s|seconds)\b/);
});

// Issue 19, point 2: committed with the YAML, the plugin's construct-metadata.json broke Argo CD's directory source.
test('the README says what to put in .gitignore to commit dist/ for Argo CD, and docs/gitops.md shows the file', () => {
  expect(flat(readme)).toMatch(/drop the template's `dist\/` line from `\.gitignore` and add `construct-metadata\.json`/);
  expect(flat(readme)).toContain('(docs/gitops.md#committing-dist-from-a-cdk8s-app)');
  const gitignore = /```gitignore\n([\s\S]*?)```/.exec(read('docs/gitops.md'))?.[1].split('\n');
  expect(gitignore).toContain('construct-metadata.json');
  expect(gitignore).not.toContain('dist/');
});

// Issue 19, point 5: the shell-run default preStop fails in distroless images, and only one JSDoc line said so.
test('the README and the preStop prop\'s docs say that the shell-run default needs a shell, and what to use instead', () => {
  expect(flat(readme)).toMatch(/The default preStop runs `\/bin\/sh -c "sleep 20"`, so the image needs a shell; for an image without one, on Kubernetes 1\.30 or later, use `PreStop\.nativeSleep\(20\)`/);
  const props = flat(read('lib/deployment/props.ts').replace(/^\s*\* ?/gm, ''));
  expect(props).toMatch(/`PreStop\.sleep\(20\)`, which runs `\/bin\/sh -c "sleep 20"` and so needs `\/bin\/sh` and `sleep` in the image: in a distroless or scratch image the hook fails/);
});

// Issue 19, point 11: the rule every severity follows, stated where the rules are listed.
test('docs/audit.md says what an error is: a defect Kubernetes or the rollout really hits; policy is a warning', () => {
  expect(flat(read('docs/audit.md'))).toContain('An error is a defect Kubernetes or the rollout really hits; where a finding is policy, it is a warning, '
    + 'and the table says when an error rule reports one.');
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
