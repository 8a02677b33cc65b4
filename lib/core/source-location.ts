import * as path from 'path';

/** The package's own code (lib/, imports/, and the compiled build/), whose frames are never the user's. */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
const OWN_DIRS = ['lib', 'imports', 'build'].map((d) => path.join(PACKAGE_ROOT, d) + path.sep);

/** The frames of one construction, kept unformatted until a problem needs the location (V8 formats `stack` lazily). */
export interface CallSite {
  readonly stack?: string;
}

/** Captures the current call stack cheaply; `userLocation` reads it later. */
export function captureCallSite(): CallSite {
  const site: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  Error.captureStackTrace(site, captureCallSite);
  Error.stackTraceLimit = limit;
  return site;
}

/** Whether a frame's file is the user's: not this package, not node_modules, not node itself. */
function isUserFile(file: string): boolean {
  return !file.startsWith('node:') && !file.includes(`${path.sep}node_modules${path.sep}`) && !OWN_DIRS.some((d) => file.startsWith(d)) && path.isAbsolute(file);
}

/** The first frame outside this package and node_modules, as `main.ts:12` (relative to the working directory). */
export function userLocation(site: CallSite | undefined): string | undefined {
  for (const line of (site?.stack ?? '').split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(line.trim());
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    if (isUserFile(file)) return `${path.relative(process.cwd(), file) || file}:${match[2]}`;
  }
  return undefined;
}
