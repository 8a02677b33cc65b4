import * as fs from 'fs';
import * as path from 'path';

/** A program a suite runs, and the Debian package that brings it. */
export interface Program {
  readonly name: string;
  readonly apt: string;
}

function onPath(name: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.some((dir) => dir !== '' && fs.existsSync(path.join(dir, name)));
}

/**
 * Whether a suite can run here. When a program is missing, prints one line naming it and its package
 * and returns false, so the suite skips; under CI (`CI` set) a missing program fails the suite instead,
 * so that CI can never pass by skipping.
 */
export function canRun(suite: string, programs: readonly Program[], needsRoot = false): boolean {
  const missing = programs.filter((p) => !onPath(p.name));
  const problems = missing.map((p) => `${p.name} (apt-get install ${p.apt})`);
  if (needsRoot && process.getuid?.() !== 0) problems.push('root (it runs a command as another user)');
  if (problems.length === 0) return true;
  const line = `${suite}: skipped, needs ${problems.join(', ')}`;
  if (process.env.CI) throw new Error(`${line}; CI runs every suite`);
  process.stderr.write(`SKIPPED ${line}\n`);
  return false;
}

export const MARIADB: readonly Program[] = [
  { name: 'mariadbd', apt: 'mariadb-server' },
  { name: 'mariadb-install-db', apt: 'mariadb-server' },
  { name: 'mariadb', apt: 'mariadb-client' },
  { name: 'mysqldump', apt: 'mariadb-client' },
];
export const PHP: readonly Program[] = [{ name: 'php', apt: 'php-cli php-mysql' }];
