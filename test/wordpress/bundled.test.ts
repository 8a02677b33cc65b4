import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundledScript, CORE_SOURCE, IMAGE_ENTRYPOINT } from '../../lib/wordpress/bundled';

/**
 * The script with real sh, against a temporary image copy of core and a temporary claim; the entrypoint is
 * a stand-in that copies what the real ones copy: each bundled `wp-content/<kind>/<name>` that wp-content lacks.
 */
function world() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-bundled-'));
  const content = path.join(root, 'claim');
  const bin = path.join(root, 'bin');
  fs.mkdirSync(content);
  fs.mkdirSync(bin);
  const image = () => {
    // Each start is a fresh container: the image's copy of core is whole again.
    const src = path.join(root, 'src');
    fs.rmSync(src, { recursive: true, force: true });
    for (const d of ['plugins/akismet', 'themes/twentytwentyfour', 'themes/twentytwentyfive']) {
      fs.mkdirSync(path.join(src, 'wp-content', d), { recursive: true });
      fs.writeFileSync(path.join(src, 'wp-content', d, 'index.php'), '<?php');
    }
    return src;
  };
  fs.writeFileSync(path.join(bin, IMAGE_ENTRYPOINT), `#!/bin/sh
for d in "$SRC"/wp-content/*/*/; do
  [ -d "$d" ] || continue
  rel=\${d#"$SRC"/wp-content/}; rel=\${rel%/}
  [ -e "$CONTENT/$rel" ] || { mkdir -p "$CONTENT/$rel"; cp -R "$d." "$CONTENT/$rel/"; }
done
echo "started: $*"
`, { mode: 0o755 });
  const start = (writable = true) => {
    const src = image();
    // A directory where the record's temporary file goes: unwritable even for root.
    if (!writable) fs.mkdirSync(path.join(content, '.wordpress-k8s-bundled.tmp'));
    const script = bundledScript(content).split(CORE_SOURCE).join(src);
    const r = spawnSync('/bin/sh', ['-c', script, 'wordpress-k8s', 'apache2-foreground'], {
      encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, SRC: src, CONTENT: content },
    });
    return r;
  };
  const has = (rel: string) => fs.existsSync(path.join(content, rel));
  return { content, start, has };
}

test('the first start seeds every bundled plugin and theme and hands over to the entrypoint with the command', () => {
  const w = world();
  const r = w.start();
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('started: apache2-foreground\n');
  expect(['plugins/akismet', 'themes/twentytwentyfour', 'themes/twentytwentyfive'].every(w.has)).toBe(true);
  expect(fs.readFileSync(path.join(w.content, '.wordpress-k8s-bundled'), 'utf8')).toBe('plugins/akismet\nthemes/twentytwentyfive\nthemes/twentytwentyfour\n');
});

test('a bundled plugin an administrator deleted stays deleted across restarts; the others are left alone', () => {
  const w = world();
  w.start();
  fs.rmSync(path.join(w.content, 'plugins/akismet'), { recursive: true });
  const r = w.start();
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('wp-content/plugins/akismet was deleted: not copying it again');
  expect(w.has('plugins/akismet')).toBe(false);
  expect(w.has('themes/twentytwentyfour')).toBe(true);
  w.start();
  expect(w.has('plugins/akismet')).toBe(false);
});

test('reinstalled from the dashboard, it is kept', () => {
  const w = world();
  w.start();
  fs.rmSync(path.join(w.content, 'plugins/akismet'), { recursive: true });
  w.start();
  fs.mkdirSync(path.join(w.content, 'plugins/akismet'));
  expect(w.start().status).toBe(0);
  expect(w.has('plugins/akismet')).toBe(true);
});

test('a claim the script may not write: a warning, and the entrypoint still starts', () => {
  const w = world();
  const r = w.start(false);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/cannot write .*\.wordpress-k8s-bundled: bundled plugins and themes deleted from wp-content will be copied again/);
  expect(r.stdout).toBe('started: apache2-foreground\n');
});
