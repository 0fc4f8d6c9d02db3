// The readers every rule relies on: where pod templates live, label selectors, quantities, image references.
import { describe, expect, it } from 'vitest';
import { service } from './fixtures/app';
import {
  batchContainer,
  cronJob,
  daemonSet,
  deployment,
  job,
  rollout,
  statefulSet,
} from './fixtures/workloads';
import type { Manifest } from './manifest';
import { parseQuantity } from './quantity';
import { labelSelectorMatches, mapSelectorMatches } from './selectors';
import { containersOf, podSpecOf, podTemplateOf } from './workloads';

describe('podTemplateOf', () => {
  const prepare = batchContainer('prepare');
  it.each<[string, Manifest]>([
    ['Deployment', deployment({ pod: { initContainers: [prepare] } })],
    ['StatefulSet', statefulSet({ pod: { initContainers: [prepare] } })],
    ['DaemonSet', daemonSet({ pod: { initContainers: [prepare] } })],
    ['Job', job({ pod: { initContainers: [prepare] } })],
    ['CronJob (through jobTemplate)', cronJob({ pod: { initContainers: [prepare] } })],
    ['Argo Rollout', rollout({ pod: { initContainers: [prepare] } })],
  ])('finds the pod template and its init containers in a %s', (_kind, manifest) => {
    expect(podTemplateOf(manifest)?.metadata?.labels).toEqual({ app: 'web' });
    expect(containersOf(podSpecOf(manifest)).map((ref) => ref.label)).toEqual([
      'init container "prepare"',
      'container "web"',
    ]);
  });

  it('finds no template in a Service or in a Rollout that references a Deployment', () => {
    const referencing = {
      ...rollout(),
      spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } },
    };
    expect(podTemplateOf(service())).toBeUndefined();
    expect(podTemplateOf(referencing)).toBeUndefined();
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend' };
  it.each([
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, false],
    [{ matchExpressions: [{ key: 'track', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'track', operator: 'Exists' }] }, false],
  ])('LabelSelector %j matches: %s', (selector, expected) => {
    expect(labelSelectorMatches(selector, labels)).toBe(expected);
  });

  it('treats an empty Service selector as selecting nothing', () => {
    expect(mapSelectorMatches({}, labels)).toBe(false);
    expect(mapSelectorMatches(undefined, labels)).toBe(false);
    expect(mapSelectorMatches({ app: 'web' }, labels)).toBe(true);
  });
});

describe('parseQuantity', () => {
  it.each<[string | number, number | undefined]>([
    ['250m', 0.25],
    ['1', 1],
    [2, 2],
    ['1.5', 1.5],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['1 GB', undefined],
    ['lots', undefined],
  ])('%s is %s', (quantity, expected) => {
    expect(parseQuantity(quantity)).toBe(expected);
  });
});
