// ECR repositories and their policies (checkov ECR*, trivy aws/ecr).
import { allOf, expectAttribute, expectSet, failed, isTrue, oneOf, passed } from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, policyJson, ref } from '../fixtures';
import { hasWildcardPrincipal, isPinnedByCondition } from '../policy';
import type { Attributes, Rule } from '../types';

const REPOSITORY = 'aws_ecr_repository';
const REPOSITORY_POLICY = 'aws_ecr_repository_policy';

const compliantRepository: Attributes = {
  name: 'skillforge/api',
  image_tag_mutability: 'IMMUTABLE',
  image_scanning_configuration: { scan_on_push: true },
  encryption_configuration: { encryption_type: 'KMS', kms_key: fixtureKmsKeyArn },
};

const pullFromCluster = {
  Sid: 'ClusterNodesPull',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:role/skillforge-prod-nodes' },
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
};

function registryStack(repository: Attributes, policy: string = policyJson(pullFromCluster)) {
  return {
    aws_kms_key: { data: fixtureKmsKey },
    [REPOSITORY]: { api: repository },
    [REPOSITORY_POLICY]: { api: { repository: ref(REPOSITORY, 'api', 'name'), policy } },
  };
}

const compliant = [fixture('compliant repository', registryStack(compliantRepository))];
const withRepository = (name: string, changes: Readonly<Record<string, unknown>>) =>
  fixture(name, registryStack(change(compliantRepository, changes)));

export const ecrRules: readonly Rule[] = [
  {
    id: 'ecr-immutable-tags',
    checkIds: ['CKV_AWS_51', 'AVD-AWS-0031'],
    resourceTypes: [REPOSITORY],
    severity: 'high',
    description: 'A pushed tag can never point at another image (image_tag_mutability = "IMMUTABLE").',
    check: (r) => expectAttribute(r, 'image_tag_mutability', oneOf(['IMMUTABLE'])),
    good: compliant,
    bad: [
      withRepository('mutable tags', { image_tag_mutability: 'MUTABLE' }),
      withRepository('mutability left to the default (MUTABLE)', { image_tag_mutability: undefined }),
    ],
  },
  {
    id: 'ecr-scan-on-push',
    checkIds: ['CKV_AWS_163', 'AVD-AWS-0030'],
    resourceTypes: [REPOSITORY],
    severity: 'medium',
    description: 'Every pushed image is scanned for CVEs (image_scanning_configuration.scan_on_push = true).',
    check: (r) => expectAttribute(r, 'image_scanning_configuration.scan_on_push', isTrue),
    good: compliant,
    bad: [
      withRepository('scan disabled', { image_scanning_configuration: { scan_on_push: false } }),
      withRepository('no scanning configuration', { image_scanning_configuration: undefined }),
    ],
  },
  {
    id: 'ecr-kms-encryption',
    checkIds: ['CKV_AWS_136', 'AVD-AWS-0033'],
    resourceTypes: [REPOSITORY],
    severity: 'medium',
    description:
      'Images are encrypted with our KMS key (encryption_type "KMS" with kms_key), not the AES256 default.',
    check: (r, ctx) =>
      allOf(
        expectAttribute(r, 'encryption_configuration.encryption_type', oneOf(['KMS', 'KMS_DSSE'])),
        expectSet(r, ctx, 'encryption_configuration.kms_key'),
      ),
    good: compliant,
    bad: [
      withRepository('AES256', { encryption_configuration: { encryption_type: 'AES256' } }),
      withRepository('KMS with the AWS-managed key', {
        encryption_configuration: { encryption_type: 'KMS' },
      }),
      withRepository('no encryption configuration', { encryption_configuration: undefined }),
    ],
  },
  {
    id: 'ecr-no-public-policy',
    checkIds: ['CKV_AWS_32', 'AVD-AWS-0032'],
    resourceTypes: [REPOSITORY_POLICY],
    severity: 'critical',
    description:
      'No repository policy statement lets every principal in (unless a condition pins it to our organisation).',
    check: (r, ctx) => {
      const policy = ctx.policy(r.values['policy']);
      if (!policy.ok) return failed(policy.reason);
      const open = policy.statements.findIndex(
        (s) => s.effect === 'Allow' && hasWildcardPrincipal(s) && !isPinnedByCondition(s),
      );
      return open === -1
        ? passed('no Allow statement grants access to every principal')
        : failed(`statement ${open + 1} allows Principal "*" without an organisation or ARN condition`);
    },
    good: [
      ...compliant,
      fixture(
        'organisation-wide pull',
        registryStack(
          compliantRepository,
          policyJson({
            ...pullFromCluster,
            Principal: '*',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
          }),
        ),
      ),
    ],
    bad: [
      fixture(
        'public pull',
        registryStack(compliantRepository, policyJson({ ...pullFromCluster, Principal: '*' })),
      ),
      fixture('policy from a variable', registryStack(compliantRepository, '${var.repository_policy}')),
    ],
  },
];
