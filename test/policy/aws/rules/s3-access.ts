// S3 access: public access block, ACLs off, bucket policy (checkov S3*, trivy aws/s3).
import { expectAttribute, failed, isTrue, passed } from '../expect';
import { fixture, policyJson, ref } from '../fixtures';
import { hasWildcardPrincipal, isPinnedByCondition, type PolicyStatement } from '../policy';
import type { CheckResult, Resource, Rule, RuleContext } from '../types';
import { BUCKET, bucketStack, judgeConnected, part, tlsOnlyStatement } from './s3-common';

const PUBLIC_ACCESS_BLOCK = 'aws_s3_bucket_public_access_block';
const POLICY = 'aws_s3_bucket_policy';

const compliant = [fixture('compliant bucket', bucketStack())];

/** One rule per public access block flag, as checkov (CKV_AWS_53…56) and trivy split them. */
function publicAccessFlagRule(
  id: string,
  attribute: string,
  checkIds: readonly string[],
  effect: string,
): Rule {
  return {
    id,
    checkIds,
    resourceTypes: [PUBLIC_ACCESS_BLOCK],
    severity: 'high',
    description: `${attribute} = true: ${effect}`,
    check: (r) => expectAttribute(r, attribute, isTrue),
    good: compliant,
    bad: [
      fixture(
        `${attribute} = false`,
        bucketStack({ [PUBLIC_ACCESS_BLOCK]: part(PUBLIC_ACCESS_BLOCK, { [attribute]: false }) }),
      ),
      fixture(
        `${attribute} missing`,
        bucketStack({ [PUBLIC_ACCESS_BLOCK]: part(PUBLIC_ACCESS_BLOCK, { [attribute]: undefined }) }),
      ),
    ],
  };
}

function judgeNoPublicPrincipal(policyValue: unknown, ctx: RuleContext): CheckResult {
  const policy = ctx.policy(policyValue);
  if (!policy.ok) return failed(policy.reason);
  const open = policy.statements.findIndex(
    (s) => s.effect === 'Allow' && hasWildcardPrincipal(s) && !isPinnedByCondition(s),
  );
  return open === -1
    ? passed('no Allow statement grants access to every principal')
    : failed(`statement ${open + 1} allows Principal "*" without a VPC, organisation or ARN condition`);
}

/** A Deny on aws:SecureTransport = false, or an Allow only when it is true (checkov S3SecureDataTransport). */
function enforcesTls(statement: PolicyStatement): boolean {
  return statement.conditions.some(
    (c) =>
      c.test === 'Bool' &&
      c.variable.toLowerCase() === 'aws:securetransport' &&
      c.values.includes(statement.effect === 'Deny' ? 'false' : 'true'),
  );
}

const publicRead = policyJson({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `${ref(BUCKET, 'assets', 'arn')}/*`,
});

export const s3AccessRules: readonly Rule[] = [
  {
    id: 's3-public-access-block',
    checkIds: ['CKV2_AWS_6', 'AVD-AWS-0094'],
    resourceTypes: [BUCKET],
    severity: 'high',
    description:
      'Every bucket has its own aws_s3_bucket_public_access_block (the flags are checked on the block).',
    check: (bucket, ctx) => judgeConnected(bucket, ctx, PUBLIC_ACCESS_BLOCK, () => passed('present')),
    good: compliant,
    bad: [fixture('no public access block', bucketStack({ [PUBLIC_ACCESS_BLOCK]: undefined }))],
  },
  publicAccessFlagRule(
    's3-block-public-acls',
    'block_public_acls',
    ['CKV_AWS_53', 'AVD-AWS-0086'],
    'new public ACLs are rejected',
  ),
  publicAccessFlagRule(
    's3-block-public-policy',
    'block_public_policy',
    ['CKV_AWS_54', 'AVD-AWS-0087'],
    'public bucket policies are rejected',
  ),
  publicAccessFlagRule(
    's3-ignore-public-acls',
    'ignore_public_acls',
    ['CKV_AWS_55', 'AVD-AWS-0091'],
    'existing public ACLs are ignored',
  ),
  publicAccessFlagRule(
    's3-restrict-public-buckets',
    'restrict_public_buckets',
    ['CKV_AWS_56', 'AVD-AWS-0093'],
    'only AWS services and the owner account reach a bucket with a public policy',
  ),
  {
    id: 's3-acls-disabled',
    checkIds: ['CKV2_AWS_65'],
    resourceTypes: [BUCKET],
    severity: 'medium',
    description:
      'ACLs are off: aws_s3_bucket_ownership_controls with object_ownership = "BucketOwnerEnforced".',
    check: (bucket, ctx) =>
      judgeConnected(bucket, ctx, 'aws_s3_bucket_ownership_controls', (sub) =>
        expectAttribute(sub, 'rule.object_ownership', {
          text: '"BucketOwnerEnforced"',
          missing: 'failed',
          accepts: (v) => v === 'BucketOwnerEnforced',
        }),
      ),
    good: compliant,
    bad: [
      fixture('no ownership controls', bucketStack({ aws_s3_bucket_ownership_controls: undefined })),
      fixture(
        'ACLs still honoured',
        bucketStack({
          aws_s3_bucket_ownership_controls: part('aws_s3_bucket_ownership_controls', {
            rule: { object_ownership: 'ObjectWriter' },
          }),
        }),
      ),
    ],
  },
  {
    id: 's3-tls-only-policy',
    checkIds: ['CKV_AWS_379'],
    resourceTypes: [BUCKET],
    severity: 'high',
    description:
      'The bucket policy refuses plain HTTP (Deny when aws:SecureTransport is false). checkov registers this on ' +
      'aws_s3_bucket_acl; we judge every bucket, so a bucket without a policy fails.',
    check: (bucket, ctx) =>
      judgeConnected(bucket, ctx, POLICY, (sub) => {
        const policy = ctx.policy(sub.values['policy']);
        if (!policy.ok) return failed(policy.reason);
        return policy.statements.some(enforcesTls)
          ? passed('denies requests without TLS')
          : failed('no statement denies aws:SecureTransport = false');
      }),
    good: [
      ...compliant,
      fixture(
        'policy from a data.aws_iam_policy_document',
        bucketStack({
          [POLICY]: part(POLICY, { policy: ref('data.aws_iam_policy_document', 'assets', 'json') }),
        }),
        {
          aws_iam_policy_document: {
            assets: {
              statement: [
                {
                  effect: 'Deny',
                  actions: ['s3:*'],
                  resources: [ref(BUCKET, 'assets', 'arn')],
                  principals: [{ type: '*', identifiers: ['*'] }],
                  condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
                },
              ],
            },
          },
        },
      ),
    ],
    bad: [
      fixture('no bucket policy', bucketStack({ [POLICY]: undefined })),
      fixture(
        'policy without the TLS deny',
        bucketStack({
          [POLICY]: part(POLICY, { policy: policyJson({ ...tlsOnlyStatement, Condition: undefined }) }),
        }),
      ),
      fixture(
        'policy from a variable',
        bucketStack({ [POLICY]: part(POLICY, { policy: '${var.bucket_policy}' }) }),
      ),
    ],
  },
  {
    id: 's3-no-public-principal',
    checkIds: ['CKV_AWS_70'],
    resourceTypes: [POLICY],
    severity: 'critical',
    description:
      'No bucket policy statement allows Principal "*" unless a condition pins it to our VPC endpoint, ' +
      'organisation or a specific ARN.',
    check: (r: Resource, ctx: RuleContext) => judgeNoPublicPrincipal(r.values['policy'], ctx),
    good: [
      ...compliant,
      fixture(
        'wildcard principal pinned to a VPC endpoint',
        bucketStack({
          [POLICY]: part(POLICY, {
            policy: policyJson(tlsOnlyStatement, {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: `${ref(BUCKET, 'assets', 'arn')}/*`,
              Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0abc' } },
            }),
          }),
        }),
      ),
    ],
    bad: [
      fixture('public read', bucketStack({ [POLICY]: part(POLICY, { policy: publicRead }) })),
      fixture(
        'AWS "*" principal',
        bucketStack({
          [POLICY]: part(POLICY, {
            policy: policyJson({
              Effect: 'Allow',
              Principal: { AWS: ['*'] },
              Action: 's3:ListBucket',
              Resource: ref(BUCKET, 'assets', 'arn'),
            }),
          }),
        }),
      ),
    ],
  },
];
