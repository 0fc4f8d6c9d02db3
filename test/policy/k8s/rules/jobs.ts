// Batch work starts on time or not at all, never piles up, and cleans up after itself.
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import { compliantBatch, replacing } from '../fixtures/app';
import { cronJob, job } from '../fixtures/workloads';
import type { Manifest } from '../manifest';
import type { PolicyRule } from '../types';
import { BATCH_KINDS } from '../workloads';

/** The Job spec a Job or a CronJob's jobTemplate runs. */
function jobSpecOf(manifest: Manifest): IJobSpec | undefined {
  if (Job.is(manifest)) return manifest.spec;
  if (CronJob.is(manifest)) return manifest.spec?.jobTemplate.spec;
  return undefined;
}

function cronJobSpec(manifest: Manifest) {
  return CronJob.is(manifest) ? manifest.spec : undefined;
}

export const jobRules: readonly PolicyRule[] = [
  {
    id: 'cronjob-concurrency-policy',
    checkIds: [],
    kinds: ['CronJob'],
    // The default (Allow) lets a slow run overlap the next one: two backups or two imports at once.
    description: 'A CronJob sets concurrencyPolicy explicitly.',
    check: ({ manifest }) =>
      cronJobSpec(manifest)?.concurrencyPolicy === undefined
        ? ['does not set concurrencyPolicy: choose Forbid, Replace or (deliberately) Allow']
        : [],
    good: [{ name: 'Forbid', objects: compliantBatch() }],
    bad: [
      {
        name: 'left to Allow by default',
        objects: replacing(compliantBatch(), cronJob({}, { concurrencyPolicy: undefined })),
      },
    ],
  },
  {
    id: 'cronjob-history-limits',
    checkIds: [],
    kinds: ['CronJob'],
    description:
      'A CronJob sets successfulJobsHistoryLimit and failedJobsHistoryLimit, so finished Jobs are bounded and failures stay visible.',
    check: ({ manifest }) => {
      const spec = cronJobSpec(manifest);
      return (['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const)
        .filter((field) => spec?.[field] === undefined)
        .map((field) => `does not set ${field}`);
    },
    good: [{ name: 'both set', objects: compliantBatch() }],
    bad: [
      {
        name: 'failed limit missing',
        objects: replacing(compliantBatch(), cronJob({}, { failedJobsHistoryLimit: undefined })),
      },
      {
        name: 'successful limit missing',
        objects: replacing(compliantBatch(), cronJob({}, { successfulJobsHistoryLimit: undefined })),
      },
    ],
  },
  {
    id: 'job-ttl-seconds-after-finished',
    checkIds: ['kube-linter:job-ttl-seconds-after-finished'],
    kinds: BATCH_KINDS,
    // A CronJob cleans up through its history limits; a TTL on its Jobs would delete the history it keeps.
    description: 'A standalone Job sets ttlSecondsAfterFinished; a CronJob jobTemplate does not.',
    check: ({ manifest }) => {
      const ttl = jobSpecOf(manifest)?.ttlSecondsAfterFinished;
      if (Job.is(manifest))
        return ttl === undefined ? ['standalone Job does not set ttlSecondsAfterFinished'] : [];
      return ttl === undefined
        ? []
        : ['CronJob jobTemplate sets ttlSecondsAfterFinished: rely on the history limits'];
    },
    good: [
      { name: 'Job with TTL', objects: compliantBatch(job()) },
      { name: 'CronJob without TTL', objects: compliantBatch() },
    ],
    bad: [
      { name: 'Job without TTL', objects: compliantBatch(job({}, { ttlSecondsAfterFinished: undefined })) },
      {
        name: 'CronJob with TTL',
        objects: replacing(compliantBatch(), cronJob({}, {}, { ttlSecondsAfterFinished: 60 })),
      },
    ],
  },
  {
    id: 'job-active-deadline',
    checkIds: [],
    kinds: BATCH_KINDS,
    // A hung run would otherwise hold its resources (and, with concurrencyPolicy Forbid, block every later run).
    description: 'Jobs and CronJob jobTemplates set activeDeadlineSeconds.',
    check: ({ manifest }) =>
      jobSpecOf(manifest)?.activeDeadlineSeconds === undefined ? ['does not set activeDeadlineSeconds'] : [],
    good: [
      { name: 'CronJob deadline', objects: compliantBatch() },
      { name: 'Job deadline', objects: compliantBatch(job()) },
    ],
    bad: [
      {
        name: 'CronJob without deadline',
        objects: replacing(compliantBatch(), cronJob({}, {}, { activeDeadlineSeconds: undefined })),
      },
      {
        name: 'Job without deadline',
        objects: compliantBatch(job({}, { activeDeadlineSeconds: undefined })),
      },
    ],
  },
];
