// The real scanners judge the rendered tree: checkov, trivy and kube-score over every environment, checkov and
// actionlint over the workflows, checkov's secrets scan over the repository. Zero failed checks with each
// scanner's default checks; accepted findings are suppressed only by the model's records (scannerExceptions),
// which must be current and still in use. Results are cached by content (test/scanners/cache.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import type { EnvConfig, ScannerName } from '../../environments';
import { isoToday } from '../policy/shared/exceptions';
import { actionlint } from './actionlint';
import { checkovGithubActions, checkovKubernetes, checkovSecrets, checkovTerraform } from './checkov';
import { kubeScore } from './kube-score';
import { describeFailures, type Finding, type ScanReport } from './report';
import { type EnvironmentScans, expiredRecordProblems, staleRecordProblems } from './suppressions';
import { trivyConfig } from './trivy';

const envs: EnvConfig[] = [...loadRegistry().values()];

interface EnvironmentReports {
  readonly terraform: ScanReport;
  readonly kubernetes: ScanReport;
  readonly trivy: ScanReport;
  readonly kubeScore: ScanReport;
  /**
   * The same scans without the model's skip annotations, to find records that no longer suppress anything. The
   * Terraform baseline needs no such run: checkov reports as skipped exactly the failures the baseline names.
   */
  readonly census: {
    readonly kubernetes: ScanReport;
    readonly kubeScore: ScanReport;
  };
}

const reports = new Map<string, EnvironmentReports>();
let repository: { gha: ScanReport; secrets: ScanReport; actionlint: ScanReport };

/** Runs `jobs` two at a time: the machine has two cores and each scanner uses one. */
async function inPairs<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

const PER_ENV = 6;

beforeAll(async () => {
  const perEnv = envs.flatMap(({ name }) => [
    () => checkovTerraform(name),
    () => checkovKubernetes(name),
    () => trivyConfig(name),
    () => kubeScore(name),
    () => checkovKubernetes(name, { census: true }),
    () => kubeScore(name, { census: true }),
  ]);
  const all = await inPairs<ScanReport>([...perEnv, checkovGithubActions, checkovSecrets, actionlint]);
  envs.forEach((env, index) => {
    const [terraform, kubernetes, trivy, kubeScoreReport, censusK8s, censusKubeScore] = all.slice(
      index * PER_ENV,
      (index + 1) * PER_ENV,
    ) as ScanReport[];
    reports.set(env.name, {
      terraform: terraform!,
      kubernetes: kubernetes!,
      trivy: trivy!,
      kubeScore: kubeScoreReport!,
      census: { kubernetes: censusK8s!, kubeScore: censusKubeScore! },
    });
  });
  const [gha, secrets, lint] = all.slice(envs.length * PER_ENV) as ScanReport[];
  repository = { gha: gha!, secrets: secrets!, actionlint: lint! };
  printSummary();
}, 1_800_000);

function printSummary(): void {
  const lines = [...reports].flatMap(([env, r]) => [
    ...[r.terraform, r.kubernetes, r.trivy, r.kubeScore].map(
      (report) => `${env}  ${report.scanner}  ${report.target}: ${report.summary}`,
    ),
    `${env}  (without the model's skip annotations)  checkov k8s: ${r.census.kubernetes.summary}; ` +
      `kube-score: ${r.census.kubeScore.summary}`,
  ]);
  const repo = Object.values(repository).map((r) => `repository  ${r.scanner}  ${r.target}: ${r.summary}`);
  console.log(`scanner summary\n${[...lines, ...repo].join('\n')}`);
}

function environmentScans(): EnvironmentScans[] {
  return envs.map((env) => {
    const r = reports.get(env.name)!;
    const suppressible = new Map<ScannerName, readonly Finding[]>([
      ['checkov', [...r.terraform.skipped, ...r.census.kubernetes.failed, ...repository.secrets.skipped]],
      ['trivy', r.trivy.skipped],
      ['kube-score', r.census.kubeScore.failed],
    ]);
    return { env, suppressible };
  });
}

const suppressHow: Record<string, string> = {
  checkov: 'checkov: target { stack, resource } or { namespace, kind, name }',
  trivy: 'trivy: target { stack } or { namespace, kind, name }',
  'kube-score': 'kube-score: target { namespace, kind, name }',
};

function expectClean(report: ScanReport, how: string): void {
  expect(report.unparsed, `${report.scanner} could not parse: ${report.unparsed.join(', ')}`).toEqual([]);
  expect(report.failed.length, describeFailures(report, how)).toBe(0);
}

describe.each(envs.map((env) => env.name))('%s', (name) => {
  const of = () => reports.get(name)!;

  it("checkov finds no failed check in the Terraform JSON (the model's baseline applied)", () => {
    expectClean(of().terraform, suppressHow.checkov!);
  });

  it('checkov finds no failed check in the Kubernetes objects (Rollouts judged as Deployments) and Argo CD applications', () => {
    expectClean(of().kubernetes, suppressHow.checkov!);
  });

  it('trivy finds no misconfiguration in the rendered tree (Terraform, Kubernetes, Argo CD)', () => {
    expectClean(of().trivy, suppressHow.trivy!);
  });

  it('kube-score grades every Kubernetes object OK (Rollouts judged as Deployments)', () => {
    expectClean(of().kubeScore, suppressHow['kube-score']!);
  });
});

describe('repository', () => {
  it('checkov finds no failed check in the GitHub workflows', () => {
    expectClean(repository.gha, 'no suppression: fix the workflow');
  });

  it('checkov finds no secret in the repository', () => {
    expectClean(repository.secrets, suppressHow.checkov!);
  });

  it('actionlint finds no problem in the GitHub workflows', () => {
    expectClean(repository.actionlint, 'no suppression: fix the workflow');
  });
});

describe('scanner exceptions', () => {
  it('every record still suppresses a finding somewhere it applies', () => {
    expect(staleRecordProblems(environmentScans(), envs)).toEqual([]);
  });

  it('no record has expired', () => {
    expect(expiredRecordProblems(envs, isoToday())).toEqual([]);
  });
});
