// How rendered pods behave where the runbook gives no number. Each value is a safe default, explained.
import type { EnvironmentLayer } from '../layer';

export const workloadDefaults = {
  workloadDefaults: {
    probes: {
      periodSeconds: 10,
      // 3 × 10 s without a live answer: long enough to ride out a GC pause, short enough to replace a hung pod.
      livenessFailureThreshold: 3,
      // Node services connect to Postgres and warm caches before they serve; two minutes covers a cold node.
      startupSeconds: 120,
    },
    // Longer than the ingress controller's upstream keep-alive, so no request is cut mid-flight on a rollout.
    terminationGraceSeconds: 30,
    revisionHistoryLimit: 5,
    cronJobs: {
      // The tightest schedule is nightly: a run more than an hour late would collide with the next job's window.
      startingDeadlineMinutes: 60,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
    },
    // A day to read a failed hook's status with kubectl; logs stay in Loki after that.
    finishedJobTtlHours: 24,
  },
} satisfies EnvironmentLayer;
