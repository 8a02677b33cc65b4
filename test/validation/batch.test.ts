import { validateCronSchedule, validateObject } from '../../lib/validation';
import { DELETE, expectClean, expectOne, repeat, withField } from './helpers';

const job = (): any => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' },
  spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'app:1.0' }] } } },
});

describe('Job (validateJobSpec)', () => {
  const set = (path: string, value: unknown): any => withField(job(), path, value);
  test('restartPolicy OnFailure or Never, required', () => {
    expectClean(job());
    expectClean(set('spec.template.spec.restartPolicy', 'OnFailure'));
    expectOne(set('spec.template.spec.restartPolicy', DELETE), 'spec.template.spec.restartPolicy', /unset means Always/);
    expectOne(set('spec.template.spec.restartPolicy', 'Always'), 'spec.template.spec.restartPolicy', /not supported in a Job template/);
  });
  test.each(['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished', 'activeDeadlineSeconds'])('%s ≥ 0', (name) => {
    expectClean(set(`spec.${name}`, 0));
    expectOne(set(`spec.${name}`, -1), `spec.${name}`, /out of range/);
  });
  test('Indexed needs completions beside a parallelism, and a parallelism ≤ 100000', () => {
    const indexed = (spec: Record<string, unknown>): any => Object.entries(spec).reduce((o, [k, v]) => withField(o, `spec.${k}`, v), set('spec.completionMode', 'Indexed'));
    // SetDefaults_Job sets completions and parallelism to 1 when neither is given.
    expectClean(indexed({}));
    expectOne(indexed({ parallelism: 2 }), 'spec.completions', /needs completions/);
    expectClean(indexed({ parallelism: 2, completions: 2 }));
    // The limit is on parallelism (maxParallelismForIndexedJob); completions may exceed it.
    expectClean(indexed({ completions: 200000, parallelism: 100000 }));
    expectOne(indexed({ completions: 200000, parallelism: 100001 }), 'spec.parallelism', /above 100000/);
    expectClean(withField(set('spec.completionMode', 'NonIndexed'), 'spec.parallelism', 100001));
    expectOne(set('spec.completionMode', 'indexed'), 'spec.completionMode', /not supported/);
  });
  test('manualSelector needs a selector', () => {
    expectOne(set('spec.manualSelector', true), 'spec.selector', /no selector/);
  });
  test('name at most 63 (job-name label)', () => {
    expectClean(set('metadata.name', repeat('j', 63)));
    expectOne(set('metadata.name', repeat('j', 64)), 'metadata.name', /more than 63.*job-name/);
  });
});

const cronJob = (): any => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'backup' },
  spec: { schedule: '30 2 * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: job().spec } },
});

describe('CronJob (validateCronJobSpec)', () => {
  const set = (path: string, value: unknown): any => withField(cronJob(), path, value);
  test('schedule required and parseable', () => {
    expectClean(cronJob());
    expectOne(set('spec.schedule', DELETE), 'spec.schedule', /no schedule/);
    expectOne(set('spec.schedule', '61 * * * *'), 'spec.schedule', /minute 61 is above 59/);
    expectOne(set('spec.schedule', 'TZ=UTC 0 3 * * *'), 'spec.schedule', /timeZone/);
  });
  test('name at most 52 (ValidateCronJobCreate)', () => {
    expectClean(set('metadata.name', repeat('c', 52)));
    expectOne(set('metadata.name', repeat('c', 53)), 'metadata.name', /more than 52/);
  });
  test('enums, limits, time zone, job template', () => {
    expectOne(set('spec.concurrencyPolicy', 'forbid'), 'spec.concurrencyPolicy', /not supported/);
    expectOne(set('spec.successfulJobsHistoryLimit', -1), 'spec.successfulJobsHistoryLimit', /out of range/);
    expectOne(set('spec.failedJobsHistoryLimit', -1), 'spec.failedJobsHistoryLimit', /out of range/);
    expectOne(set('spec.startingDeadlineSeconds', -1), 'spec.startingDeadlineSeconds', /out of range/);
    expectClean(set('spec.timeZone', 'Europe/Berlin'));
    expectClean(set('spec.timeZone', 'Etc/GMT+5'));
    expectOne(set('spec.timeZone', ''), 'spec.timeZone', /IANA/);
    expectOne(set('spec.timeZone', 'Europe/../Berlin'), 'spec.timeZone', /IANA/);
    expectOne(set('spec.timeZone', 'Europe Berlin'), 'spec.timeZone', /IANA/);
    expectOne(set('spec.jobTemplate', DELETE), 'spec.jobTemplate', /no jobTemplate/);
    expectOne(set('spec.jobTemplate.spec.template.spec.restartPolicy', DELETE), 'spec.jobTemplate.spec.template.spec.restartPolicy', /Always/);
  });
});

describe('validateCronSchedule', () => {
  test('validateCronSchedule', () => {
    expect(validateCronSchedule('0 3 * * *')).toEqual([]);
    expect(validateCronSchedule(5)[0].problem).toMatch(/not a string/);
  });
});

describe('batch survivors: null as unset, exact messages', () => {
  const shown = (obj: unknown): string[] => validateObject(obj).map((f) => `${f.field}: ${f.problem} | ${f.fix}`);
  const setJob = (path: string, value: unknown): any => withField(job(), path, value);
  const setCron = (path: string, value: unknown): any => withField(cronJob(), path, value);
  test('a Job spec: null or missing is "no spec", another type only "not an object"', () => {
    for (const spec of [null, DELETE]) {
      expect(shown(setJob('spec', spec))).toEqual(['spec: the Job has no spec | add spec.template with restartPolicy: OnFailure or Never']);
    }
    expectOne(setJob('spec', 'x'), 'spec', /not an object/);
  });
  test('Indexed: a null parallelism is unset, so completions default to 1 as well', () => {
    expectClean(withField(setJob('spec.completionMode', 'Indexed'), 'spec.parallelism', null));
  });
  test('a null selector is no selector', () => {
    expectClean(setJob('spec.selector', null));
    expectOne(withField(setJob('spec.manualSelector', true), 'spec.selector', null), 'spec.selector', /manualSelector is true but there is no selector/);
  });
  test('a null restartPolicy means Always', () => {
    expectOne(setJob('spec.template.spec.restartPolicy', null), 'spec.template.spec.restartPolicy', /unset means Always/);
  });
  test('a CronJob spec: null or missing is "no spec", another type only "not an object"', () => {
    for (const spec of [null, DELETE]) {
      expect(shown(setCron('spec', spec))).toEqual(['spec: the CronJob has no spec | add spec.schedule and spec.jobTemplate']);
    }
    expectOne(setCron('spec', 5), 'spec', /not an object/);
  });
  test('schedule: missing, null or "" is "no schedule"; a non-string only "not a string"', () => {
    for (const schedule of [DELETE, null, '']) {
      expect(shown(setCron('spec.schedule', schedule))).toEqual(['spec.schedule: the CronJob has no schedule | set schedule, e.g. "*/15 * * * *" or "@daily"']);
    }
    expectOne(setCron('spec.schedule', 5), 'spec.schedule', /is a whole number, not a string/);
  });
  test('timeZone parts: not ".", "..", nor starting with "-"', () => {
    for (const bad of ['.', 'Europe/.', '..', '-Berlin', 'Europe/-Berlin', '']) expectOne(setCron('spec.timeZone', bad), 'spec.timeZone', /IANA/);
    for (const good of ['Etc/GMT-5', 'Europe/Berlin-', 'a.b', 'Etc/UTC']) expectClean(setCron('spec.timeZone', good));
  });
  test('jobTemplate: missing or null is "no jobTemplate", another type only "not an object"', () => {
    for (const template of [DELETE, null]) {
      expect(shown(setCron('spec.jobTemplate', template))).toEqual(['spec.jobTemplate: the CronJob has no jobTemplate | add jobTemplate.spec.template']);
    }
    expectOne(setCron('spec.jobTemplate', 'backup'), 'spec.jobTemplate', /not an object/);
  });
  test('validateCronSchedule: exact problems and fixes', () => {
    expect(validateCronSchedule(5)).toEqual([{ field: 'schedule', problem: 'schedule 5 is not a string', fix: 'write the schedule as a quoted string, e.g. "0 3 * * *"' }]);
    expect(validateCronSchedule('61 * * * *', 'spec.schedule')).toEqual([{
      field: 'spec.schedule', problem: 'schedule "61 * * * *" minute 61 is above 59',
      fix: 'write 5 fields "minute hour day-of-month month day-of-week", e.g. "30 2 * * *", or @daily',
    }]);
    expect(validateCronSchedule('@daily')).toEqual([]);
  });
});

describe('CronJob timeZone "Local" (validateTimeZone)', () => {
  const cronJob = (timeZone: unknown): any => ({
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' },
    spec: { schedule: '@daily', timeZone, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } } },
  });
  test.each(['Local', 'local', 'LOCAL'])('%p is refused as not explicit', (tz) => {
    expect(validateObject(cronJob(tz)).map((f) => [f.field, f.problem, f.fix])).toEqual([
      ['spec.timeZone', `timeZone ${JSON.stringify(tz)} is the controller's local time, not an explicit time zone`, 'use an IANA name, e.g. "Etc/UTC"'],
    ]);
  });
  test.each(['Etc/UTC', 'Localia', 'America/Local'])('%p is not "Local"', (tz) => expect(validateObject(cronJob(tz))).toEqual([]));
});
