/**
 * Micro-benchmark of validateObject (not a test; run with
 * `node -r ./lib/cli/register-ts.js test/validation/bench-validation.ts`). Prints CPU time and objects/s over the
 * objects of dist/ repeated to 15,000, and the time for 1000 Deployment+Service+PDB+HPA sets.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateObject } from '../../lib/validation';

const ROOT = join(__dirname, '..', '..');
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}
const objects = yamlFiles(join(ROOT, 'dist')).flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS())).filter((o) => o);

/** CPU milliseconds (user + system) to validate `list`: steadier than wall time on a shared machine. */
function time(list: unknown[]): number {
  const start = process.cpuUsage();
  let findings = 0;
  for (const o of list) findings += validateObject(o).length;
  const used = process.cpuUsage(start);
  if (findings !== 0) throw new Error(`expected clean objects, got ${findings} findings`);
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const many = Array.from({ length: 15000 }, (_, i) => structuredClone(objects[i % objects.length]));
const set = ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'].map((k) => objects.find((o) => o.kind === k));
const sets = Array.from({ length: 1000 }, () => set.map((o) => structuredClone(o)))
  .flat();
time(many); // warm-up
const runs = Array.from({ length: 7 }, () => time(many));
const ms = median(runs);
const setMs = median(Array.from({ length: 7 }, () => time(sets)));
console.log(`validateObject: ${many.length} objects (dist/ mix) in ${ms.toFixed(1)} ms CPU = ${Math.round((many.length / ms) * 1000).toLocaleString('en')} objects/s ` +
  `(median of 7)`);
console.log(`validateObject: 1000 x (Deployment, Service, PDB, HPA) = ${sets.length} objects in ${setMs.toFixed(1)} ms CPU (median of 7)`);
