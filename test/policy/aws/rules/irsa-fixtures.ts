// Fixtures for the IRSA trust-policy rule: the three ways a construct can write the trust policy, and the
// mistakes that widen it (StringLike, a missing audience, a wildcard subject, CDKTF's broken token keys).
import { fixture, policyJson, ref } from '../fixtures';
import type { Attributes, BlocksByType, Fixture } from '../types';

const PROVIDER = 'aws_iam_openid_connect_provider';
const providerArn = ref(PROVIDER, 'cluster', 'arn');
const issuerToken = `\${replace(${PROVIDER}.cluster.url, "https://", "")}`;
const literalIssuer = 'oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C3D4E5F';
const subject = 'system:serviceaccount:api:api';

const provider: Attributes = { url: `https://${literalIssuer}`, client_id_list: ['sts.amazonaws.com'] };

/** An IRSA role next to a plain service role (which the rule skips) and the cluster's OIDC provider. */
function irsaStack(trustPolicy: string): BlocksByType {
  return {
    [PROVIDER]: { cluster: provider },
    aws_iam_role: {
      api: { name: 'skillforge-prod-api', assume_role_policy: trustPolicy },
      cluster: {
        name: 'skillforge-prod-cluster',
        assume_role_policy: policyJson({
          Effect: 'Allow',
          Principal: { Service: 'eks.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      },
    },
  };
}

function webIdentityStatement(overrides: Readonly<Record<string, unknown>> = {}, issuer = issuerToken) {
  return {
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${issuer}:sub`]: subject, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
    ...overrides,
  };
}

const policyDocumentStack: BlocksByType = {
  ...irsaStack(ref('data.aws_iam_policy_document', 'api_trust', 'json')),
};
const policyDocument: BlocksByType = {
  aws_iam_policy_document: {
    api_trust: {
      statement: [
        {
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [providerArn] }],
          condition: [
            { test: 'StringEquals', variable: `${issuerToken}:sub`, values: [subject] },
            { test: 'StringEquals', variable: `${issuerToken}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ],
    },
  },
};

// What CDKTF 0.21 renders for Fn.jsonencode() when condition keys are tokens (hashicorp/terraform-cdk#3911):
// the keys lose their ${} and the values become `undefined`. The rule must reject it.
const brokenJsonencode =
  '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Principal" = {"Federated" = ' +
  `${PROVIDER}.cluster.arn}, "Action" = "sts:AssumeRoleWithWebIdentity", "Condition" = {"StringEquals" = ` +
  `{"replace(${PROVIDER}.cluster.url, \\"https://\\", \\"\\"):sub" = undefined, ` +
  `"replace(${PROVIDER}.cluster.url, \\"https://\\", \\"\\"):aud" = undefined}}}]})}`;

export const irsaGoodFixtures: readonly Fixture[] = [
  fixture(
    'JSON trust policy with the issuer taken from the provider',
    irsaStack(policyJson(webIdentityStatement())),
  ),
  fixture('trust policy from a data.aws_iam_policy_document', policyDocumentStack, policyDocument),
  fixture(
    'literal provider ARN and issuer',
    irsaStack(
      policyJson(
        webIdentityStatement(
          { Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${literalIssuer}` } },
          literalIssuer,
        ),
      ),
    ),
  ),
];

export const irsaBadFixtures: readonly Fixture[] = [
  fixture(
    'StringLike on the subject',
    irsaStack(
      policyJson(
        webIdentityStatement({
          Condition: {
            StringLike: { [`${issuerToken}:sub`]: 'system:serviceaccount:api:*' },
            StringEquals: { [`${issuerToken}:aud`]: 'sts.amazonaws.com' },
          },
        }),
      ),
    ),
  ),
  fixture(
    'no audience condition',
    irsaStack(
      policyJson(webIdentityStatement({ Condition: { StringEquals: { [`${issuerToken}:sub`]: subject } } })),
    ),
  ),
  fixture(
    'wildcard subject under StringEquals',
    irsaStack(
      policyJson(
        webIdentityStatement({
          Condition: {
            StringEquals: {
              [`${issuerToken}:sub`]: 'system:serviceaccount:*:*',
              [`${issuerToken}:aud`]: 'sts.amazonaws.com',
            },
          },
        }),
      ),
    ),
  ),
  fixture(
    'federated principal that is not an OIDC provider',
    irsaStack(
      policyJson(webIdentityStatement({ Principal: { Federated: 'cognito-identity.amazonaws.com' } })),
    ),
  ),
  fixture(
    'web identity plus plain AssumeRole',
    irsaStack(
      policyJson(webIdentityStatement({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRole'] })),
    ),
  ),
  fixture('CDKTF jsonencode with token condition keys', irsaStack(brokenJsonencode)),
];
