// Every rule against its own fixtures, the way trivy-checks runs each check's good and bad examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFailures } from './engine';
import { compliantApp, compliantBatch, compliantDaemon, service, serviceAccount } from './fixtures/app';
import { cronJob, job, rollout, statefulSet } from './fixtures/workloads';
import { asRendered, type Manifest } from './manifest';
import { kubernetesRules } from './rules';
import type { Fixture, PolicyRule } from './types';

function failures(rules: readonly PolicyRule[], objects: readonly Manifest[]): string[] {
  return findFailures(asRendered(objects), rules).map(
    (finding) => `[${finding.rule}] ${finding.object}: ${finding.message}`,
  );
}

const SCANNER_ID = /^(kube-score|kube-linter|polaris):[a-zA-Z-]+$|^CKV_K8S_\d+$|^KSV\d{3}$/;

describe('the rule catalogue', () => {
  it('has at least 26 rules with unique kebab-case ids', () => {
    const ids = kubernetesRules.map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(26);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('gives every rule a description, kinds, good and bad fixtures and well-formed scanner ids', () => {
    const incomplete = kubernetesRules.filter(
      (rule) =>
        rule.description === '' || rule.kinds.length === 0 || rule.good.length === 0 || rule.bad.length === 0,
    );
    expect(incomplete.map((rule) => rule.id)).toEqual([]);
    const malformed = kubernetesRules.flatMap((rule) => rule.checkIds.filter((id) => !SCANNER_ID.test(id)));
    expect(malformed).toEqual([]);
  });

  it('lists every rule in the README table', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    expect(kubernetesRules.map((rule) => rule.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});

describe.each(kubernetesRules.map((rule) => [rule.id, rule] as const))('%s', (_, rule) => {
  const named = (fixtures: readonly Fixture[]) => fixtures.map((fixture) => [fixture.name, fixture] as const);

  it.each(named(rule.good))('passes: %s', (_name, fixture) => {
    expect(failures([rule], fixture.objects)).toEqual([]);
  });

  it.each(named(rule.bad))('fails: %s', (_name, fixture) => {
    expect(failures([rule], fixture.objects)).not.toEqual([]);
  });
});

describe('the compliant fixture worlds pass every rule together', () => {
  const headless = service('web-headless', {
    clusterIP: 'None',
    ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
  });
  it.each([
    ['Deployment with HPA, PDB, Service, Ingress', compliantApp()],
    ['Rollout with HPA', compliantApp(rollout())],
    ['StatefulSet with headless Service', [...compliantApp(statefulSet()), headless]],
    ['CronJob', compliantBatch()],
    ['standalone Job', compliantBatch(job())],
    [
      'CronJob and Deployment side by side',
      [...compliantApp(), serviceAccount('nightly'), cronJob({ name: 'nightly' })],
    ],
    ['DaemonSet', compliantDaemon()],
  ])('%s', (_name, objects) => {
    expect(failures(kubernetesRules, objects)).toEqual([]);
  });
});
