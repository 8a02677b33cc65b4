import * as fs from 'fs';
import { App } from 'cdk8s';
import { CLEAN_ERROR } from '../core/configuration-error';
import { ZeroDowntimeApp } from './zero-downtime-app';

/** Options of synthApps. */
export interface SynthAppsOptions {
  /**
   * Where a refusal's report goes.
   * @default - standard error
   */
  readonly write?: (text: string) => void;
  /**
   * The environment the program runs in: `cdk8s synth` sets CDK8S_OUTDIR and CDK8S_RECORD_CONSTRUCT_METADATA.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Synthesizes the apps in order, for a program's entry point: `process.exitCode = synthApps([app]);`.
 * A refused input (ConfigurationError, AuditFailedError) is the user's, not a bug: its report is written
 * alone, with no stack trace, nothing of that app is written (not even its output folder), the later apps
 * are not synthesized, and the exit code is 1. Any other
 * error is thrown as it is.
 *
 * Under `cdk8s synth`, when the output folder was not created, the exit code is 0: the CLI then ends with
 * its own one-line "synthesis failed" and exit code 1, rather than with its stack trace.
 * @returns the exit code for the process
 */
export function synthApps(apps: readonly App[], options: SynthAppsOptions = {}): number {
  const write = options.write ?? ((text) => process.stderr.write(text));
  const env = options.env ?? process.env;
  try {
    for (const app of apps) {
      // cdk8s's synth creates the output folder before it validates: check first, so that a refused app creates nothing.
      // (ZeroDowntimeApp checks before anything is written.)
      if (!(app instanceof ZeroDowntimeApp)) app.node.validate();
      app.synth();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof Error) || !(error as unknown as Record<symbol, unknown>)[CLEAN_ERROR]) throw error;
    write(`${error.message}\n`);
    const underCdk8sCli = Boolean(env.CDK8S_OUTDIR && env.CDK8S_RECORD_CONSTRUCT_METADATA);
    return underCdk8sCli && !fs.existsSync(env.CDK8S_OUTDIR!) ? 0 : 1;
  }
}
