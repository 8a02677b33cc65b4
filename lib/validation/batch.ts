/**
 * Jobs and CronJobs (batch/v1): batch/validation/validation.go validateJobSpec,
 * validateCronJobSpec, validateScheduleFormat, validateTimeZone (1.27).
 */
import { cronScheduleProblem } from '../grammar/cron';
import { checkEnum } from './enums';
import { Findings, findings, report, show } from './finding-list';
import { checkLabels, checkLabelSelector } from './metadata';
import { child } from '../grammar/field-path';
import { checkPodTemplate } from './pod';
import { readBoolean, readInt, readRecord, readString } from './values';

const MAX_INT = 2147483647;
// validateJobSpec: the parallelism of an Indexed Job at most 10^5 (maxParallelismForIndexedJob).
const MAX_INDEXED_PARALLELISM = 100000;

/** Checks a Job spec (also a CronJob's jobTemplate.spec). */
export function checkJobSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the Job has no spec', 'add spec.template with restartPolicy: OnFailure or Never');
    return;
  }
  const parallelism = readInt(out, spec.parallelism, child(field, 'parallelism'), 0, MAX_INT, 1);
  const completions = readInt(out, spec.completions, child(field, 'completions'), 0, MAX_INT, 1);
  readInt(out, spec.activeDeadlineSeconds, child(field, 'activeDeadlineSeconds'), 0, Number.MAX_SAFE_INTEGER, 600);
  readInt(out, spec.backoffLimit, child(field, 'backoffLimit'), 0, MAX_INT, 6);
  readInt(out, spec.ttlSecondsAfterFinished, child(field, 'ttlSecondsAfterFinished'), 0, MAX_INT, 3600);
  readBoolean(out, spec.suspend, child(field, 'suspend'));
  const mode = checkEnum(out, spec.completionMode, child(field, 'completionMode'), ['NonIndexed', 'Indexed'], 'completionMode');
  if (mode === 'Indexed') {
    // SetDefaults_Job sets both to 1 when neither is given, so completions is missing only beside a parallelism.
    if (completions === undefined && spec.parallelism !== undefined && spec.parallelism !== null) report(out, child(field, 'completions'), 'an Indexed Job needs completions',
      'set completions, e.g. 5');
    if (parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) report(out, child(field, 'parallelism'),
      `parallelism ${parallelism} is above ${MAX_INDEXED_PARALLELISM} for an Indexed Job`, `use at most ${MAX_INDEXED_PARALLELISM}`);
  }
  // The selector is generated unless manualSelector is true; then it must be given.
  const manual = readBoolean(out, spec.manualSelector, child(field, 'manualSelector'));
  if (spec.selector !== undefined && spec.selector !== null) checkLabelSelector(out, spec.selector, child(field, 'selector'));
  else if (manual) report(out, child(field, 'selector'), 'manualSelector is true but there is no selector', 'remove manualSelector, or set selector');
  // validateJobSpec: template restartPolicy must be OnFailure or Never; unset means Always, which is refused.
  const templatePath = child(field, 'template');
  const template = readRecord(out, spec.template, templatePath);
  const podSpec = template ? readRecord(out, template.spec, child(templatePath, 'spec')) : undefined;
  if (podSpec && (podSpec.restartPolicy === undefined || podSpec.restartPolicy === null)) {
    report(out, child(child(templatePath, 'spec'), 'restartPolicy'), 'a Job\'s pods need restartPolicy OnFailure or Never; unset means Always, which a Job refuses',
      'set restartPolicy: OnFailure (retry in place) or Never');
  }
  checkPodTemplate(out, spec.template, templatePath, { restartPolicies: ['OnFailure', 'Never'], owner: 'Job' });
}

// validateTimeZone: each '/'-separated part matches this and is not '.', '..' or starting with '-'.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Checks a CronJob spec. */
export function checkCronJobSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the CronJob has no spec', 'add spec.schedule and spec.jobTemplate');
    return;
  }
  const schedule = readString(out, spec.schedule, child(field, 'schedule'));
  if (schedule === undefined || schedule === '') {
    if (spec.schedule === undefined || spec.schedule === null || spec.schedule === '') report(out, child(field, 'schedule'), 'the CronJob has no schedule',
      'set schedule, e.g. "*/15 * * * *" or "@daily"');
  } else {
    const problem = cronScheduleProblem(schedule);
    if (problem) report(out, child(field, 'schedule'), `schedule ${show(schedule)} ${problem}`,
      'write 5 fields "minute hour day-of-month month day-of-week", e.g. "30 2 * * *", or @hourly/@daily/@weekly/@monthly/@yearly');
  }
  const timeZone = readString(out, spec.timeZone, child(field, 'timeZone'));
  if (timeZone !== undefined) {
    const bad = timeZone === '' || timeZone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TIME_ZONE_PART.test(p));
    if (bad) {
      report(out, child(field, 'timeZone'), `timeZone ${show(timeZone)} is not an IANA time zone name`, 'use e.g. "Etc/UTC" or "Europe/Berlin"');
    } else if (timeZone.toLowerCase() === 'local') {
      // validateTimeZone: "Local" in any case is the controller's own zone, refused as not explicit.
      report(out, child(field, 'timeZone'), `timeZone ${show(timeZone)} is the controller's local time, not an explicit time zone`, 'use an IANA name, e.g. "Etc/UTC"');
    }
  }
  checkEnum(out, spec.concurrencyPolicy, child(field, 'concurrencyPolicy'), ['Allow', 'Forbid', 'Replace'], 'concurrencyPolicy');
  readInt(out, spec.startingDeadlineSeconds, child(field, 'startingDeadlineSeconds'), 0, Number.MAX_SAFE_INTEGER, 200);
  readInt(out, spec.successfulJobsHistoryLimit, child(field, 'successfulJobsHistoryLimit'), 0, MAX_INT, 3);
  readInt(out, spec.failedJobsHistoryLimit, child(field, 'failedJobsHistoryLimit'), 0, MAX_INT, 1);
  readBoolean(out, spec.suspend, child(field, 'suspend'));
  const templatePath = child(field, 'jobTemplate');
  const jobTemplate = readRecord(out, spec.jobTemplate, templatePath);
  if (!jobTemplate) {
    if (spec.jobTemplate === undefined || spec.jobTemplate === null) report(out, templatePath, 'the CronJob has no jobTemplate', 'add jobTemplate.spec.template');
    return;
  }
  const meta = readRecord(out, jobTemplate.metadata, child(templatePath, 'metadata'));
  if (meta) checkLabels(out, meta.labels, child(child(templatePath, 'metadata'), 'labels'));
  checkJobSpec(out, jobTemplate.spec, child(templatePath, 'spec'));
}

/** Findings for a CronJob schedule string. */
export function validateCronSchedule(schedule: unknown, field = 'schedule'): Findings {
  return findings((out) => {
    if (typeof schedule !== 'string') report(out, field, `schedule ${show(schedule)} is not a string`, 'write the schedule as a quoted string, e.g. "0 3 * * *"');
    else {
      const problem = cronScheduleProblem(schedule);
      if (problem) report(out, field, `schedule ${show(schedule)} ${problem}`, 'write 5 fields "minute hour day-of-month month day-of-week", e.g. "30 2 * * *", or @daily');
    }
  });
}
