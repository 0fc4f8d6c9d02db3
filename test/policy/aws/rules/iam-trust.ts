// IAM role trust policies: who may assume a role (checkov CKV_AWS_60/61 and our IRSA rule).
import { failed, passed, skipped } from '../expect';
import { type PolicyStatement } from '../policy';
import type { CheckResult, Resource, Rule, RuleContext } from '../types';
import { isToken, show, wholeReference } from '../values';
import { irsaBadFixtures, irsaGoodFixtures } from './irsa-fixtures';

const ROLE = 'aws_iam_role';
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

const OIDC_PROVIDER_ARN = /^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/.+$/;
const EKS_ISSUER = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+$/;
const SERVICE_ACCOUNT_SUBJECT =
  /^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;

function trustStatements(role: Resource, ctx: RuleContext): PolicyStatement[] | CheckResult {
  const policy = ctx.policy(role.values['assume_role_policy']);
  return policy.ok ? [...policy.statements] : failed(`assume_role_policy: ${policy.reason}`);
}

function isOidcProvider(federated: string, ctx: RuleContext): boolean {
  const reference = wholeReference(federated);
  if (reference !== undefined) {
    return reference.type === 'aws_iam_openid_connect_provider' && ctx.isResolvableToken(federated);
  }
  return OIDC_PROVIDER_ARN.test(federated);
}

/** The `<issuer>` of a `<issuer>:sub` key: a literal EKS issuer, or a token built only from this stack's resources. */
function isKnownIssuer(issuer: string, ctx: RuleContext): boolean {
  return isToken(issuer)
    ? issuer.startsWith('${') && issuer.endsWith('}') && ctx.isResolvableToken(issuer)
    : EKS_ISSUER.test(issuer);
}

function irsaProblems(statement: PolicyStatement, ctx: RuleContext): string[] {
  const problems: string[] = [];
  const federated = statement.principals.filter((p) => p.type === 'Federated').flatMap((p) => p.identifiers);
  if (federated.length !== 1)
    problems.push(
      `Principal.Federated names ${federated.length} providers (expected the cluster's OIDC provider)`,
    );
  else if (!isOidcProvider(federated[0] ?? '', ctx))
    problems.push(`Principal.Federated ${show(federated[0])} is not an IAM OIDC provider of this stack`);
  if (statement.actions.length !== 1 || statement.actions[0] !== WEB_IDENTITY) {
    problems.push(`Action is ${show(statement.actions)} (expected only "${WEB_IDENTITY}")`);
  }
  if (statement.conditions.some((c) => c.test === 'StringLike'))
    problems.push('uses StringLike; service accounts must be matched with StringEquals');
  const equals = statement.conditions.filter((c) => c.test === 'StringEquals');
  const sub = equals.find((c) => c.variable.endsWith(':sub'));
  const aud = equals.find((c) => c.variable.endsWith(':aud'));
  if (!sub) problems.push('has no StringEquals condition on <issuer>:sub');
  else if (sub.values.length !== 1 || !SERVICE_ACCOUNT_SUBJECT.test(sub.values[0] ?? '')) {
    problems.push(
      `${sub.variable} is ${show(sub.values)} (expected one "system:serviceaccount:<namespace>:<name>")`,
    );
  }
  if (!aud) problems.push('has no StringEquals condition on <issuer>:aud');
  else if (aud.values.length !== 1 || aud.values[0] !== 'sts.amazonaws.com') {
    problems.push(`${aud.variable} is ${show(aud.values)} (expected ["sts.amazonaws.com"])`);
  }
  for (const condition of [sub, aud]) {
    const issuer = condition?.variable.slice(0, -4);
    if (issuer !== undefined && !isKnownIssuer(issuer, ctx))
      problems.push(
        `condition key issuer ${show(issuer)} is neither an EKS OIDC issuer nor a reference to this stack`,
      );
  }
  if (sub && aud && sub.variable.slice(0, -4) !== aud.variable.slice(0, -4))
    problems.push('the :sub and :aud conditions name different issuers');
  return problems;
}

export const iamTrustRules: readonly Rule[] = [
  {
    id: 'iam-irsa-trust-policy',
    checkIds: [],
    resourceTypes: [ROLE],
    severity: 'critical',
    description:
      'Roles for service accounts (IRSA) trust exactly one service account: Principal.Federated is the cluster OIDC ' +
      'provider, Action sts:AssumeRoleWithWebIdentity, StringEquals on <issuer>:sub = system:serviceaccount:<ns>:<sa> ' +
      'and <issuer>:aud = sts.amazonaws.com, and no StringLike. Roles without a web-identity statement are skipped.',
    check: (r, ctx) => {
      const statements = trustStatements(r, ctx);
      if (!Array.isArray(statements)) return statements;
      const webIdentity = statements.filter(
        (s) =>
          s.effect === 'Allow' &&
          (s.actions.includes(WEB_IDENTITY) || s.principals.some((p) => p.type === 'Federated')),
      );
      if (webIdentity.length === 0) return skipped('not a web-identity (IRSA) role');
      const problems = [...new Set(webIdentity.flatMap((s) => irsaProblems(s, ctx)))];
      return problems.length === 0
        ? passed(
            `trusts ${webIdentity.flatMap((s) => s.conditions.filter((c) => c.variable.endsWith(':sub')).flatMap((c) => c.values)).join(', ')}`,
          )
        : failed(problems.join('; '));
    },
    good: irsaGoodFixtures,
    bad: irsaBadFixtures,
  },
];
