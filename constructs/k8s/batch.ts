// Batch work: CronJobs, and Jobs Argo CD runs as sync hooks. Pods run once (restartPolicy Never; retries are the
// Job's backoffLimit), have a deadline, and never overlap with their previous run.
import { Construct } from 'constructs';
import { KubeCronJob, KubeJob, type PodTemplateSpec } from 'cdk8s-plus-27/lib/imports/k8s';
import type { NfrId } from '../contracts';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

interface JobBasics {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  /** Runbook numbers the job enforces. Default: none. */
  readonly nfr?: readonly NfrId[];
  /** A pod template whose spec sets restartPolicy Never. */
  readonly template: PodTemplateSpec;
  readonly activeDeadlineMinutes: number;
  readonly backoffLimit: number;
}

export interface ScheduledJobProps extends JobBasics {
  /** Five-field cron expression, evaluated in UTC. */
  readonly schedule: string;
  readonly suspended: boolean;
  readonly startingDeadlineMinutes: number;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
}

export class ScheduledJob extends Construct {
  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    new Manifest(
      this,
      'Resource',
      KubeCronJob.manifest({
        metadata: objectMeta(props),
        spec: {
          schedule: props.schedule,
          // Without a time zone the schedule follows the controller manager's clock; the model's schedules are UTC.
          timeZone: 'Etc/UTC',
          suspend: props.suspended,
          // A run still going when the next is due is left to finish; the next one is skipped.
          concurrencyPolicy: 'Forbid',
          startingDeadlineSeconds: props.startingDeadlineMinutes * 60,
          successfulJobsHistoryLimit: props.successfulJobsHistoryLimit,
          failedJobsHistoryLimit: props.failedJobsHistoryLimit,
          jobTemplate: {
            metadata: { labels: { ...props.labels } },
            spec: {
              activeDeadlineSeconds: props.activeDeadlineMinutes * 60,
              backoffLimit: props.backoffLimit,
              template: props.template,
            },
          },
        },
      }),
    );
  }
}

export const ARGOCD_HOOK = 'argocd.argoproj.io/hook';
export const ARGOCD_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
export const ARGOCD_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/** Annotations that make an object an Argo CD hook of `phase`, created in `wave` and replaced on the next sync. */
export function hookAnnotations(phase: 'PreSync' | 'PostSync', wave: number): Labels {
  return {
    [ARGOCD_HOOK]: phase,
    // The previous run's object is deleted just before the new one is created, so a failed run stays inspectable.
    [ARGOCD_HOOK_DELETE_POLICY]: 'BeforeHookCreation',
    [ARGOCD_SYNC_WAVE]: String(wave),
  };
}

export interface HookJobProps extends JobBasics {
  readonly phase: 'PreSync' | 'PostSync';
  /** Order among the phase's hooks; the job's ServiceAccount, Secret and policy use a lower wave. */
  readonly wave: number;
  readonly finishedTtlHours: number;
}

export class HookJob extends Construct {
  constructor(scope: Construct, id: string, props: HookJobProps) {
    super(scope, id);
    new Manifest(
      this,
      'Resource',
      KubeJob.manifest({
        metadata: objectMeta({
          ...props,
          annotations: { ...props.annotations, ...hookAnnotations(props.phase, props.wave) },
        }),
        spec: {
          activeDeadlineSeconds: props.activeDeadlineMinutes * 60,
          backoffLimit: props.backoffLimit,
          ttlSecondsAfterFinished: props.finishedTtlHours * 3600,
          template: props.template,
        },
      }),
    );
  }
}
