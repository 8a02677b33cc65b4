import { cronScheduleProblem } from '../../lib/grammar/cron';

// Accepted and refused schedules below were each sent to a Kubernetes v1.34.4 API server as a
// CronJob's spec.schedule (kubectl create --dry-run=server); the comments quote what it answered.
describe('cron schedules (robfig/cron/v3 ParseStandard, as the API server parses them)', () => {
  test.each([
    '* * * * *', '*/15 * * * *', '0 3 * * *', '17 3 * * *', '0 0 1 1 *', '0 0 * * 0', '0 0 * * 6', '0 0 * * sun', '0 0 * JAN,jul MON-FRI',
    '0 9-17 * * mon-fri', '0-59/5 0-23 1-31 1-12 0-6', '5/10 * * * *', '0 9-17 * * 1-5', '? * * * *', '0 0 ? * 1', '0 0 15 * *', '0 0 1,15 * *',
    '0 0 31 2 *', '0 0 * 1-12/2 *', '0 0 *,* * *', '+5 * * * *', '*-5 * * * *',
    '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h30m', '@every 90s', '@every 6h30m', '@every 1m1m',
    // The server accepts all of these: Go's time.ParseDuration takes a sign, a bare 0, a leading or trailing dot, and both micro signs.
    '@every .5h', '@every 0.5h', '@every 1.h', '@every 0', '@every +1h', '@every -1h', '@every 1us', '@every 1µs', '@every 1μs',
    // Fields are split on any run of white space; the server accepts surrounding spaces and tabs.
    ' 0 3 * * * ', '0\t0 * * *',
    // strings.FieldsFunc drops empty parts of a list: the server accepts ",1".
    '0 0 ,1 * *',
  ])('accepts %p', (s) => expect(cronScheduleProblem(s)).toBeUndefined());

  test.each([
    [42, /not a string/], ['', /empty/], ['   ', /empty/],
    ['* * * *', /4 fields/], ['* * * * * *', /6 fields/], ['0 0 * * * TZ', /6 fields/],
    ['60 * * * *', /minute 60 is above 59/], ['* 24 * * *', /hour 24 is above 23/], ['* * 0 * *', /day of month 0 is below 1/],
    ['* * 32 * *', /day of month 32/], ['* * * 13 *', /month 13/], ['0 0 * 0 *', /month 0 is below 1/], ['* * * * 7', /day of week 7 is above 6/],
    ['*/0 * * * *', /positive/], ['0 0 * * 1/0', /positive/], ['*/-1 * * * *', /step "-1" is negative/], ['*/x * * * *', /step "x" is not a number$/],
    ['*/5-10 * * * *', /step "5-10" is not a number/], ['5-1 * * * *', /starts after it ends/], ['-1 * * * *', /minute "" is not a number/],
    ['a * * * *', /minute "a" is not a number$/], ['* * * foo *', /not a number or a name/], ['* * * 1-foo *', /"foo" is not a number or a name/],
    ['1-2-3 * * * *', /more than one '-'/], ['*/2/3 * * * *', /more than one '\/'/], ['0 0 L * *', /"L" is not a number/],
    // "failed to parse int from TZ": the server refuses an hour of TZ as a number, like any other word.
    ['0 TZ * * *', /hour "TZ" is not a number/],
    // "cannot use TZ or CRON_TZ in schedule": the zone belongs in spec.timeZone.
    ['CRON_TZ=UTC * * * * *', /time zone/], ['TZ=UTC 0 0 * * *', /time zone/], ['TZ=Europe/Paris 0 3 * * *', /time zone/],
    // "unrecognized descriptor": descriptors match exactly.
    ['@often', /not a known descriptor/], ['@DAILY', /not a known descriptor/], ['@every', /not a known descriptor/],
    // "failed to parse duration": time.ParseDuration needs a unit after each number, and takes no spaces.
    ['@every 1 hour', /not a duration/], ['@every 5', /not a duration/], ['@every 1h30', /not a duration/], ['@every  1h', /not a duration/],
    ['@every 1h ', /not a duration/], ['@every 1e3s', /not a duration/], ['@every 1.5.h', /not a duration/], ['@every .h', /not a duration/],
    // "expected exactly 5 fields": a descriptor with a space before it is read as one field.
    [' @daily', /1 fields/],
  ])('refuses %p: %p', (s, reason) => expect(cronScheduleProblem(s)).toMatch(reason));
});

// Not sent to a server: these pin which of two refusals a start past the field's maximum gets. "N/step"
// runs from N to the field's maximum, as the comment in lib/grammar/cron.ts reads robfig's getRange, so
// its range starts after it ends; a bare N is a single value above the maximum.
test('a start past the maximum: a range with a step starts after it ends, a single value is above the maximum', () => {
  expect(cronScheduleProblem('70/5 * * * *')).toMatch(/minute range "70\/5" starts after it ends/);
  expect(cronScheduleProblem('70 * * * *')).toMatch(/minute 70 is above 59/);
});
