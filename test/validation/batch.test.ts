import { validateCronSchedule } from '../../lib/validation';
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
