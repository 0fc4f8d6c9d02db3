// One model job: a CronJob on its schedule, or an Argo CD PreSync hook Job (db-migrations) that brings its own
// ServiceAccount, ConfigMap, credentials and network policy as hooks, so it runs even on the first sync.
import { Construct } from 'constructs';
import type { Volume, VolumeMount } from 'cdk8s-plus-27/lib/imports/k8s';
import type { EnvConfig } from '../../environments';
import {
  dataStoreSecretPath,
  type NamedJob,
  type NfrId,
  roleArnFor,
  secretName,
} from '../../constructs/contracts';
import { HookJob, hookAnnotations, ScheduledJob } from '../../constructs/k8s/batch';
import { TuningConfigMap } from '../../constructs/k8s/config-map';
import { SyncedSecret } from '../../constructs/k8s/external-secret';
import { selectorFor, workloadLabels } from '../../constructs/k8s/labels';
import { NetworkPolicy } from '../../constructs/k8s/network-policy';
import { WorkloadServiceAccount } from '../../constructs/k8s/service-account';
import { workloadConfig } from '../plan/config';
import { workloadFlows } from '../plan/flows';
import { batchMeshLabels } from '../plan/mesh';
import { passwordStoresOf } from '../plan/workloads';
import { SECRET_STORE } from './credentials';
import { workloadPodTemplate } from './pod-template';

/** Runbook numbers particular jobs enforce. */
const JOB_NFR: Readonly<Record<string, readonly NfrId[]>> = {
  'search-cache-warm': ['cache-warm-top-occupations'],
  'backup-verification': ['rto', 'rpo'],
};

/** Hook objects the job needs are created one wave before it. */
const HOOK_SUPPORT_WAVE = -1;
const HOOK_JOB_WAVE = 0;

export interface JobExtras {
  readonly volumes?: readonly Volume[];
  readonly mounts?: readonly VolumeMount[];
}

export class JobWorkload extends Construct {
  constructor(scope: Construct, env: EnvConfig, job: NamedJob, extras: JobExtras = {}) {
    super(scope, job.name);
    const { name, namespace } = job;
    const hook = job.trigger === 'presync-hook';
    const annotations = hook ? hookAnnotations('PreSync', HOOK_SUPPORT_WAVE) : undefined;
    const labels = workloadLabels(name, 'job');
    const base = { name, namespace, labels, annotations };

    new WorkloadServiceAccount(this, 'ServiceAccount', {
      ...base,
      roleArn: roleArnFor(env, namespace, name),
    });
    const config = new TuningConfigMap(this, 'Config', {
      ...base,
      name: `${name}-config`,
      data: workloadConfig(env, job),
    });
    const ownSecret = (store: string) => `${name}-${store}-credentials`;
    if (hook) {
      for (const store of passwordStoresOf(env, job)) {
        const path = dataStoreSecretPath[store];
        if (path === undefined) continue;
        new SyncedSecret(this, `Secret-${store}`, {
          ...base,
          name: ownSecret(store),
          remoteKey: secretName(env, path),
          store: SECRET_STORE,
          refreshMinutes: env.secrets.refreshMinutes,
        });
      }
    }
    const template = workloadPodTemplate({
      env,
      workload: job,
      labels: { ...labels, ...batchMeshLabels(env) },
      configMap: config,
      ...(hook ? { secretNameOf: ownSecret } : {}),
      container: extras.mounts ? { mounts: extras.mounts } : undefined,
      volumes: extras.volumes,
      restartPolicy: 'Never',
    });
    const batch = {
      name,
      namespace,
      labels,
      nfr: JOB_NFR[name],
      template,
      activeDeadlineMinutes: job.activeDeadlineMinutes,
      backoffLimit: job.backoffLimit,
    };
    if (hook) {
      new HookJob(this, 'Job', {
        ...batch,
        phase: 'PreSync',
        wave: HOOK_JOB_WAVE,
        finishedTtlHours: env.workloadDefaults.finishedJobTtlHours,
      });
    } else {
      if (job.schedule === undefined) throw new Error(`${env.name}: cron job ${name} has no schedule`);
      const cron = env.workloadDefaults.cronJobs;
      new ScheduledJob(this, 'Job', {
        ...batch,
        schedule: job.schedule,
        suspended: job.suspended,
        startingDeadlineMinutes: cron.startingDeadlineMinutes,
        successfulJobsHistoryLimit: cron.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: cron.failedJobsHistoryLimit,
      });
    }
    new NetworkPolicy(this, 'Policy', {
      ...base,
      podLabels: selectorFor(name),
      egress: workloadFlows(env, job).egress,
    });
  }
}
