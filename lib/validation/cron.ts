/**
 * CronJob schedules as Kubernetes 1.27 parses them: github.com/robfig/cron/v3 ParseStandard (five
 * fields, or a descriptor such as @daily or @every 1h30m), plus batch/validation
 * validateScheduleFormat (no TZ= / CRON_TZ= prefix: use spec.timeZone).
 */

interface Bounds { readonly min: number; readonly max: number; readonly names?: Record<string, number> }

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
// robfig/cron parser.go: minutes, hours, dom, months, dow bounds.
const FIELDS: Array<[string, Bounds]> = [
  ['minute', { min: 0, max: 59 }], ['hour', { min: 0, max: 23 }], ['day of month', { min: 1, max: 31 }],
  ['month', { min: 1, max: 12, names: MONTHS }], ['day of week', { min: 0, max: 6, names: DAYS }],
];
// parser.go parseDescriptor.
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
// Go time.ParseDuration: a sequence of decimal numbers with units ns us µs ms s m h.
const DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

function parseNumber(s: string, bounds: Bounds, what: string): number | string {
  const named = bounds.names?.[s.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(s)) return `${what} ${JSON.stringify(s)} is not a number${bounds.names ? ' or a name' : ''}`;
  return Number(s);
}

/** parser.go getRange for one comma-separated part of a field. */
function rangeProblem(expr: string, bounds: Bounds, what: string): string | undefined {
  const [range, step, extra] = expr.split('/');
  if (extra !== undefined) return `${what} ${JSON.stringify(expr)} has more than one '/'`;
  let start: number;
  let end: number;
  if (range === '*' || range === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const [lo, hi, more] = range.split('-');
    if (more !== undefined) return `${what} ${JSON.stringify(expr)} has more than one '-'`;
    const a = parseNumber(lo, bounds, what);
    if (typeof a === 'string') return a;
    start = a;
    if (hi === undefined) {
      end = step !== undefined ? bounds.max : a;
    } else {
      const b = parseNumber(hi, bounds, what);
      if (typeof b === 'string') return b;
      end = b;
    }
  }
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return `${what} step ${JSON.stringify(step)} is not a number`;
    if (Number(step) === 0) return `${what} step of ${JSON.stringify(expr)} must be a positive number`;
  }
  if (start < bounds.min) return `${what} ${start} is below ${bounds.min}`;
  if (end > bounds.max) return `${what} ${end} is above ${bounds.max}`;
  if (start > end) return `${what} range ${JSON.stringify(expr)} starts after it ends`;
  return undefined;
}

/** Why a schedule is not one the CronJob controller of 1.27 accepts, or undefined. */
export function cronScheduleProblem(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s === '') return 'is empty';
  // validateScheduleFormat: "cannot use TZ or CRON_TZ in schedule, use timeZone field instead".
  if (/^(?:CRON_)?TZ=/.test(s) || s.includes('TZ')) return 'sets a time zone (TZ= or CRON_TZ=), which belongs in spec.timeZone';
  if (s.startsWith('@')) {
    if (s.startsWith('@every')) {
      const d = s.slice('@every'.length).trim();
      return DURATION.test(d) ? undefined : `has the interval ${JSON.stringify(d)}, which is not a duration such as 1h30m`;
    }
    return DESCRIPTORS.includes(s) ? undefined : `is not a known descriptor (use ${DESCRIPTORS.join(', ')} or @every <duration>)`;
  }
  const fields = s.split(/\s+/);
  if (fields.length !== 5) return `has ${fields.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < 5; i++) {
    const [what, bounds] = FIELDS[i];
    for (const part of fields[i].split(',')) {
      const p = rangeProblem(part, bounds, what);
      if (p) return p;
    }
  }
  return undefined;
}
