// Figures of the runbook that are not promises, each with the reason it is not. Everything else with a digit in
// it must be in the catalogue. Keep these narrow: a rule that matched a promise would hide it (a test checks no
// figure is both claimed by the catalogue and ignored, and that every rule still matches something).
import type { IgnoreRule } from './runbook-scan';

export const runbookIgnoreRules: readonly IgnoreRule[] = [
  {
    pattern: /^#{1,6} \d+(\.\d+)*\.?(?= )/,
    kind: 'section or list number',
    reason: 'section numbers in headings',
  },
  {
    pattern: /^\s*\d+\.(?= )/,
    kind: 'section or list number',
    reason: 'ordered-list numbering of procedure steps',
  },
  {
    pattern: /\b[Ss]ections? \d+( and \d+)?\b/,
    kind: 'section or list number',
    reason: 'cross-references to runbook or change-request sections',
  },
  {
    pattern: /\b\d{4}-\d{2}-\d{2}(\s\d{2}:\d{2}\sUTC)?/,
    kind: 'date or time of a past event',
    reason: 'dates of status notes, the rehearsal and incidents, and incident start times',
  },
  {
    pattern: /https:\/\/\S+\/actions\/runs\/\d+/,
    kind: 'run or PR number',
    reason: 'links to GitHub Actions runs of the rehearsal (run ids)',
  },
  {
    pattern: /\bops\/gitops-prod#\d+/,
    kind: 'run or PR number',
    reason: 'pull request number of the rehearsal promotion',
  },
  {
    pattern: /\bdocs\/PROD_CHANGE_REQUEST_\d{4}-\d{2}-\d{2}\.md\b/,
    kind: 'URL or file name',
    reason: 'file name of a past change request',
  },
  {
    pattern: /\bv\d+\.\d+\.\d+(-[a-z0-9.]+)?/,
    kind: 'version string',
    reason: 'release-candidate version the rehearsal shipped',
  },
  { pattern: /\bSOC 2\b/, kind: 'name containing a digit', reason: 'name of the AICPA SOC 2 framework' },
  { pattern: /\bk6\b/, kind: 'name containing a digit', reason: 'name of the Grafana k6 load-testing tool' },
  {
    pattern: /\bP[12]\b/,
    kind: 'name containing a digit',
    reason: 'incident severity classes; each alert entry states the severity it must route with',
  },
  {
    pattern: /\bP95\b/,
    kind: 'name containing a digit',
    reason: 'the 95th-percentile statistic; the latency promise is its ms figure',
  },
  {
    pattern: /\bsearch_latency_p95\b/,
    kind: 'name containing a digit',
    reason: 'Grafana panel / metric name',
  },
  { pattern: /\bS3\b/, kind: 'name containing a digit', reason: 'name of Amazon S3' },
  {
    pattern: /^### 4\.5 Post-Launch 72-Hour Guardrails$/,
    kind: 'name containing a digit',
    reason:
      'section title naming the post-launch period the guardrails were written for; the model keeps them in force every day',
  },
  {
    pattern: /\(peaked at 361\sms\)/,
    kind: 'observation of a past event',
    reason: 'latency measured during the 2025-11-11 incident, not a target',
  },
  {
    pattern: /Reverted to previous ReplicaSet in <3 minutes/,
    kind: 'observation of a past event',
    reason: 'outcome of the 2025-11-07 rollback drill, recorded as evidence, not a target',
  },
];
