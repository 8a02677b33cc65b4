/**
 * Cron schedules as Kubernetes parses a CronJob's spec.schedule: github.com/robfig/cron/v3
 * ParseStandard (five fields, or a descriptor such as @daily or @every 1h30m) plus batch validation's
 * validateScheduleFormat, which refuses TZ= and CRON_TZ= (the zone belongs in spec.timeZone).
 * Velero and the MySQL Operator parse schedules with the same library, so one grammar serves all three.
 */

interface Bounds { readonly min: number; readonly max: number; readonly names?: Readonly<Record<string, number>> }

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
// parser.go: the bounds of minutes, hours, day of month, months and day of week.
const FIELDS: ReadonlyArray<readonly [string, Bounds]> = [
  ['minute', { min: 0, max: 59 }], ['hour', { min: 0, max: 23 }], ['day of month', { min: 1, max: 31 }],
  ['month', { min: 1, max: 12, names: MONTHS }], ['day of week', { min: 0, max: 6, names: DAYS }],
];
// parser.go parseDescriptor: matched exactly, case and spacing included.
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
// Go time.ParseDuration: an optional sign, then "0" or decimal numbers each with a unit (ns us µs μs ms s m h).
const DURATION = /^[-+]?(?:0|(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** parser.go parseIntOrName and mustParseInt (strconv.Atoi, then no negatives); the bounds are checked by the caller. */
function parseNumber(s: string, names: Bounds['names'], what: string): number | string {
  const named = names?.[s.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[-+]?\d+$/.test(s)) return `${what} ${JSON.stringify(s)} is not a number${names ? ' or a name' : ''}`;
  const n = Number(s);
  return n < 0 ? `${what} ${JSON.stringify(s)} is negative` : n;
}

/** parser.go getRange, for one comma-separated part of a field. */
function rangeProblem(expr: string, bounds: Bounds, what: string): string | undefined {
  const [range, step, extraStep] = expr.split('/');
  if (extraStep !== undefined) return `${what} ${JSON.stringify(expr)} has more than one '/'`;
  const [lo, hi, extraHyphen] = range.split('-');
  let start = bounds.min;
  let end = bounds.max;
  // A star ignores anything after a hyphen, as robfig/cron does.
  if (lo !== '*' && lo !== '?') {
    if (extraHyphen !== undefined) return `${what} ${JSON.stringify(expr)} has more than one '-'`;
    const a = parseNumber(lo, bounds.names, what);
    if (typeof a === 'string') return a;
    const b = hi === undefined ? (step === undefined ? a : bounds.max) : parseNumber(hi, bounds.names, what);
    if (typeof b === 'string') return b;
    [start, end] = [a, b];
  }
  if (step !== undefined) {
    const n = parseNumber(step, undefined, `${what} step`);
    if (typeof n === 'string') return n;
    if (n === 0) return `${what} step of ${JSON.stringify(expr)} must be a positive number`;
  }
  if (start < bounds.min) return `${what} ${start} is below ${bounds.min}`;
  if (end > bounds.max) return `${what} ${end} is above ${bounds.max}`;
  if (start > end) return `${what} range ${JSON.stringify(expr)} starts after it ends`;
  return undefined;
}

function descriptorProblem(s: string): string | undefined {
  if (s.startsWith('@every ')) {
    const d = s.slice('@every '.length);
    return DURATION.test(d) ? undefined : `has the interval ${JSON.stringify(d)}, which is not a duration such as 1h30m`;
  }
  return DESCRIPTORS.includes(s) ? undefined : `is not a known descriptor (use ${DESCRIPTORS.join(', ')} or @every <duration>)`;
}

/** Why a schedule is not one the Kubernetes API server accepts for a CronJob, or undefined. */
export function cronScheduleProblem(schedule: unknown): string | undefined {
  if (typeof schedule !== 'string') return 'is not a string';
  if (schedule.trim() === '') return 'is empty';
  // validateScheduleFormat refuses a TZ= or CRON_TZ= prefix: "use timeZone field instead".
  if (/^(?:CRON_)?TZ=/.test(schedule)) return 'sets a time zone (TZ= or CRON_TZ=), which belongs in spec.timeZone';
  if (schedule.startsWith('@')) return descriptorProblem(schedule);
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) return `has ${fields.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < 5; i++) {
    const [what, bounds] = FIELDS[i];
    // strings.FieldsFunc drops empty parts, so ",1" is the same as "1".
    for (const part of fields[i].split(',').filter((p) => p !== '')) {
      const problem = rangeProblem(part, bounds, what);
      if (problem) return problem;
    }
  }
  // A schedule that parses cannot hold "TZ" (no month or day name has it), so the prefix check is the whole TZ rule.
  return undefined;
}
