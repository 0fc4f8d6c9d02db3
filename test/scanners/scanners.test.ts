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
import { describeFailures, type ScanReport } from './report';
import { type EnvironmentScans, expiredRecordProblems, staleRecordProblems } from './suppressions';
import { trivyConfig } from './trivy';

const envs: EnvConfig[] = [...loadRegistry().values()];
const scans = new Map<string, EnvironmentScans>();
let census = new Map<string, ScanReport>();
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

beforeAll(async () => {
  const perEnv = envs.flatMap((env) => [
    () => checkovTerraform(env.name),
    () => checkovTerraform(env.name, { baseline: false }),
    () => checkovKubernetes(env.name),
    () => trivyConfig(env.name),
    () => kubeScore(env.name),
  ]);
  const all = await inPairs<ScanReport>([...perEnv, checkovGithubActions, checkovSecrets, actionlint]);
  envs.forEach((env, index) => {
    const [terraform, withoutBaseline, kubernetes, trivy, kubeScoreReport] = all.slice(
      index * 5,
      index * 5 + 5,
    );
    census.set(env.name, withoutBaseline!);
    const reports = new Map<ScannerName, ScanReport[]>([
      ['checkov', [terraform!, kubernetes!]],
      ['trivy', [trivy!]],
      ['kube-score', [kubeScoreReport!]],
    ]);
    scans.set(env.name, { env, reports });
  });
  const [gha, secrets, lint] = all.slice(envs.length * 5);
  repository = { gha: gha!, secrets: secrets!, actionlint: lint! };
  // The secrets scan covers every environment at once; its skips come from each environment's records.
  for (const scan of scans.values()) (scan.reports.get('checkov') as ScanReport[]).push(secrets!);
  census = new Map(census);
  printSummary();
}, 900_000);

function printSummary(): void {
  const lines = [...scans.values()].flatMap(({ env, reports }) => [
    ...[...reports.values()]
      .flat()
      .filter((r) => r.target !== 'the repository')
      .map((r) => `${env.name}  ${r.scanner}  ${r.target}: ${r.summary}`),
    `${env.name}  checkov  deploy/${env.name}/terraform without the baseline: ${census.get(env.name)!.summary}`,
  ]);
  const repo = Object.values(repository).map((r) => `repo  ${r.scanner}  ${r.target}: ${r.summary}`);
  console.log(`scanner summary\n${[...lines, ...repo].join('\n')}`);
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
  const reportOf = (scanner: ScannerName, index = 0) => scans.get(name)!.reports.get(scanner)![index]!;

  it("checkov finds no failed check in the Terraform JSON (the model's baseline applied)", () => {
    expectClean(reportOf('checkov', 0), suppressHow.checkov!);
    // The same files without the baseline: every failure there is one the baseline accepts by name.
    expect(census.get(name)!.failed.length).toBe(reportOf('checkov', 0).skipped.length);
  });

  it('checkov finds no failed check in the Kubernetes objects and Argo CD applications', () => {
    expectClean(reportOf('checkov', 1), suppressHow.checkov!);
  });

  it('trivy finds no misconfiguration in the rendered tree (Terraform, Kubernetes, Argo CD)', () => {
    expectClean(reportOf('trivy'), suppressHow.trivy!);
  });

  it('kube-score grades every Kubernetes object OK', () => {
    expectClean(reportOf('kube-score'), suppressHow['kube-score']!);
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
    expect(staleRecordProblems([...scans.values()], envs)).toEqual([]);
  });

  it('no record has expired', () => {
    expect(expiredRecordProblems(envs, isoToday())).toEqual([]);
  });
});
