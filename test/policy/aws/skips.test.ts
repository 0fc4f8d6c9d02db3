// When a rule does not apply it says so with "skipped" and a reason, as kube-score's skipped checks do;
// a skip must never hide a resource the rule is meant to judge.
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { policyJson } from './fixtures';
import { awsRules } from './rules';
import type { BlocksByType } from './types';

function findingsOf(ruleId: string, resource: BlocksByType) {
  const rule = awsRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return evaluate([{ env: 'prod', stack: 'prod-data', document: { resource } }], [rule]).map((f) => [
    f.address,
    f.status,
    f.message,
  ]);
}

describe('skipped findings', () => {
  it.each([
    [
      'iam-irsa-trust-policy',
      {
        aws_iam_role: {
          cluster: {
            assume_role_policy: policyJson({
              Effect: 'Allow',
              Principal: { Service: 'eks.amazonaws.com' },
              Action: 'sts:AssumeRole',
            }),
          },
        },
      },
      ['aws_iam_role.cluster', 'skipped', 'not a web-identity (IRSA) role'],
    ],
  ])('%s skips what it cannot judge, with the reason', (ruleId, resource, expected) => {
    expect(findingsOf(ruleId, resource)).toEqual([expected]);
  });

  it('fails a web-identity role whose trust policy cannot be read instead of skipping it', () => {
    expect(
      findingsOf('iam-irsa-trust-policy', { aws_iam_role: { api: { assume_role_policy: '${var.trust}' } } }),
    ).toEqual([
      ['aws_iam_role.api', 'failed', 'assume_role_policy: policy is the unresolved token ${var.trust}'],
    ]);
  });
});
