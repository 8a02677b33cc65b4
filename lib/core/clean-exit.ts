import * as fs from 'fs';
import { CLEAN_ERROR } from './configuration-error';

const INSTALLED = Symbol.for('zero-downtime-charts.clean-exit');

/**
 * A configuration error is the user's input, not a bug: when one ends the process uncaught, print its
 * message alone (no code frame, no stack) and exit 1. Other errors print as node prints them.
 * Installed only when such an error is about to be thrown, once per process.
 *
 * Under `cdk8s synth`, when the app created nothing in its output folder, it removes the empty folder and
 * exits 0: the CLI then fails with its one-line "synthesis failed" instead of its own stack trace, and
 * still exits 1.
 */
export function installCleanExit(): void {
  const proc = process as unknown as Record<symbol, boolean>;
  if (proc[INSTALLED]) return;
  proc[INSTALLED] = true;
  process.on('uncaughtException', (error: any) => {
    if (!error || !error[CLEAN_ERROR]) {
      process.stderr.write(`${error?.stack ?? String(error)}\n`);
      process.exit(1);
    }
    process.stderr.write(`${error.message}\n`);
    process.exit(underCdk8sCli() && removeEmptyOutdir() ? 0 : 1);
  });
}

/** `cdk8s synth` runs the app with both of these set. */
function underCdk8sCli(): boolean {
  return Boolean(process.env.CDK8S_OUTDIR && process.env.CDK8S_RECORD_CONSTRUCT_METADATA);
}

function removeEmptyOutdir(): boolean {
  const outdir = process.env.CDK8S_OUTDIR!;
  try {
    if (fs.existsSync(outdir)) {
      if (fs.readdirSync(outdir).length > 0) return false;
      fs.rmdirSync(outdir);
    }
    return true;
  } catch {
    return false;
  }
}
