// Scanner exception records: what the model refuses, what each scanner's format receives, and when the suite calls
// a record expired or stale. No scanner runs here.
import { describe, expect, it } from 'vitest';
import {
  checkovTerraformBaseline,
  scannerSkipAnnotations,
  trivyIgnoreFile,
} from '../../constructs/contracts';
import { environmentRegistry, loadRegistry } from '../../environments';
import type { EnvConfig, ScannerException } from '../../environments';
import { expiredRecordProblems, staleRecordProblems } from './suppressions';

const prod = loadRegistry().get('prod')!;

/** prod with exactly these records. */
const withRecords = (records: Record<string, ScannerException>): EnvConfig => ({
  ...prod,
  scannerExceptions: records,
});

const reason = 'A reason long enough to be reviewed by someone.';

function loadErrors(records: Record<string, unknown>): string[] {
  const registry = {
    ...environmentRegistry,
    dev: { ...environmentRegistry.dev, scannerExceptions: records },
  };
  try {
    loadRegistry(registry as never);
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  return [];
}

describe('scannerExceptions in the model', () => {
  it('fails when a checkov record names no resource or a check id of another scanner', () => {
    expect(
      loadErrors({
        'log-bucket': {
          scanner: 'checkov',
          checks: ['AWS-0089'],
          targets: [{ stack: 'data' }],
          reason,
          expires: '2027-01-01',
        },
      }),
    ).toEqual([
      'environment "dev": scannerExceptions.log-bucket.checks[0]: got "AWS-0089"; expected a checkov check id such as CKV_AWS_18',
      'environment "dev": scannerExceptions.log-bucket.targets[0]: got {"stack":"data"}; checkov skips one resource at a time: name the resource (<type>.<name>, "*" allowed)',
    ]);
  });

  it('fails when a trivy record names a resource (trivy ignores by file)', () => {
    expect(
      loadErrors({
        'log-bucket': {
          scanner: 'trivy',
          checks: ['AWS-0089'],
          targets: [{ stack: 'data', resource: 'aws_s3_bucket.logs' }],
          reason,
          expires: '2027-01-01',
        },
      }),
    ).toEqual([
      'environment "dev": scannerExceptions.log-bucket.targets[0]: got {"stack":"data","resource":"aws_s3_bucket.logs"}; trivy ignores findings by file: name the stack only (it ignores that check in the whole stack)',
    ]);
  });

  it('fails when a kube-score record applies everywhere, the reason is short or the expiry is no date', () => {
    expect(
      loadErrors({
        Replicas: {
          scanner: 'kube-score',
          checks: ['deployment-replicas'],
          targets: ['everywhere'],
          reason: 'later',
          expires: '2027-02-30',
        },
      }),
    ).toEqual([
      'environment "dev": scannerExceptions.Replicas.reason: got "later"; expected a reason of at least 20 characters saying why this is accepted',
      'environment "dev": scannerExceptions.Replicas.expires: got "2027-02-30"; expected a calendar date written YYYY-MM-DD',
      'environment "dev": scannerExceptions.Replicas.targets[0]: got "everywhere"; only trivy records may apply everywhere; name the kube-score target',
      'environment "dev": scannerExceptions.Replicas: got "Replicas"; expected a kebab-case record id such as access-log-bucket-logs-not-itself',
    ]);
  });
});

describe('rendered suppressions', () => {
  const env = withRecords({
    'flagd-tag': {
      scanner: 'checkov',
      checks: ['CKV_K8S_43'],
      targets: [{ namespace: 'api', kind: 'Deployment', name: 'flagd' }],
      reason: 'pinned by tag = release until the digest is recorded',
      expires: '2027-01-31',
    },
    'flagd-replicas': {
      scanner: 'kube-score',
      checks: ['deployment-replicas'],
      targets: [{ namespace: 'api', kind: 'Deployment', name: 'fl*' }],
      reason,
      expires: '2027-01-31',
    },
    'bucket-logs': {
      scanner: 'checkov',
      checks: ['CKV_AWS_18'],
      targets: [{ stack: 'data', resource: 'aws_s3_bucket.*_bucket' }],
      reason,
      expires: '2027-01-31',
    },
    'stack-logs': {
      scanner: 'trivy',
      checks: ['AWS-0089'],
      targets: [{ stack: 'data' }],
      reason,
      expires: '2027-01-31',
    },
  });

  it('annotates the matching object for checkov (no "=" in the reason) and kube-score, and nothing else', () => {
    expect(scannerSkipAnnotations(env, { folder: 'api', kind: 'Deployment', name: 'flagd' })).toEqual({
      'checkov.io/skip1':
        'CKV_K8S_43=pinned by tag : release until the digest is recorded (flagd-tag, expires 2027-01-31)',
      'kube-score/ignore': 'deployment-replicas',
    });
    expect(scannerSkipAnnotations(env, { folder: 'api', kind: 'Service', name: 'flagd' })).toEqual({});
  });

  it("skips checkov's digest check on an object running a tag-only external image, with that image's exception", () => {
    const image = env.images['k6']!;
    if (image.source !== 'external' || image.tagOnlyException === undefined)
      throw new Error('k6 is tag-only');
    const running = { folder: 'support', kind: 'CronJob', name: 'synthetic-traffic' };
    expect(scannerSkipAnnotations(env, { ...running, images: [`${image.repository}:${image.tag}`] })).toEqual(
      {
        'checkov.io/skip1': `CKV_K8S_43=${image.tagOnlyException.reason} (images.k6.tagOnlyException, expires ${image.tagOnlyException.expires})`,
      },
    );
    expect(scannerSkipAnnotations(env, { ...running, images: [`${image.repository}:0.56.0`] })).toEqual({});
  });

  it('lists both names checkov gives a resource in the baseline, only for matching resources', () => {
    const config = {
      resource: { aws_s3_bucket: { logs_bucket: {}, assets: {} }, aws_kms_key: { logs_bucket: {} } },
    };
    expect(
      checkovTerraformBaseline(env, [
        { stack: 'prod-data', config },
        { stack: 'prod-edge', config },
      ]),
    ).toEqual({
      failed_checks: [
        {
          file: '/prod-data/cdk.tf.json',
          findings: [
            { resource: 'aws_s3_bucket.logs_bucket', check_ids: ['CKV_AWS_18'] },
            { resource: 'resource.logs_bucket', check_ids: ['CKV_AWS_18'] },
          ],
        },
      ],
    });
  });

  it('writes trivy entries by file with expired_at at the end of the expiry day', () => {
    expect(trivyIgnoreFile(env)).toEqual({
      misconfigurations: [
        {
          id: 'AWS-0089',
          paths: ['terraform/prod-data/cdk.tf.json'],
          expired_at: '2027-01-31T23:59:59Z',
          statement: `${reason} (stack-logs)`,
        },
      ],
    });
  });
});

describe('record bookkeeping', () => {
  const record: ScannerException = {
    scanner: 'trivy',
    checks: ['KSV-0048', 'KSV-0049'],
    targets: [{ namespace: 'api', kind: 'Role', name: 'oncall-run-cronjobs' }],
    reason,
    expires: '2027-01-31',
  };
  const env = withRecords({ 'on-call-role': record });

  it('fails when a record has expired, naming it and how to renew or remove it', () => {
    expect(expiredRecordProblems([env], '2027-01-31')).toEqual([]);
    expect(expiredRecordProblems([env], '2027-02-01')).toEqual([
      'scannerExceptions.on-call-role (trivy KSV-0048, KSV-0049) expired on 2027-01-31: fix the finding and remove ' +
        'the record, or renew it with a new `expires` and a reason that still holds ' +
        '(environments/defaults/scanner-exceptions-*.ts), then run `npm run synth`. ' +
        `Reason given: "${reason}"`,
    ]);
  });

  it('fails when a record check suppresses nothing, and not when a finding names it', () => {
    const finding = {
      check: 'KSV-0048',
      file: 'deploy/prod/k8s/api/Role.oncall-run-cronjobs.yaml',
      resource: '',
      message: 'Manage Kubernetes workloads and pods',
      suppression: `${reason} (on-call-role)`,
    };
    const scans = [{ env, suppressible: new Map([['trivy' as const, [finding]]]) }];
    expect(staleRecordProblems(scans, [env])).toEqual([
      'scannerExceptions.on-call-role: trivy KSV-0049 suppresses no finding in prod: the finding is gone, remove ' +
        'KSV-0049 from the record (or the record), then run `npm run synth`',
    ]);
  });
});
