// IAM role trust policies: who may assume a role (checkov CKV_AWS_60/61 and our IRSA rule).
import { failed, passed, skipped } from '../expect';
import { fixture, policyJson } from '../fixtures';
import { hasWildcardPrincipal, type PolicyStatement } from '../policy';
import type { CheckResult, Resource, Rule, RuleContext } from '../types';
import { isToken, show, wholeReference } from '../values';
import { irsaBadFixtures, irsaGoodFixtures } from './irsa-fixtures';

const ROLE = 'aws_iam_role';
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

// checkov's IAMRoleAllowAssumeFromAccount: a bare account id or the account root trusts every principal in it.
const ACCOUNT_WIDE = /^(\d{12}|arn:aws[\w-]*:iam::\d{12}:root)$/;
const OIDC_PROVIDER_ARN = /^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/.+$/;
const EKS_ISSUER = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+$/;
const SERVICE_ACCOUNT_SUBJECT =
  /^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;

function trustStatements(role: Resource, ctx: RuleContext): PolicyStatement[] | CheckResult {
  const policy = ctx.policy(role.values['assume_role_policy']);
  return policy.ok ? [...policy.statements] : failed(`assume_role_policy: ${policy.reason}`);
}

function awsPrincipals(statement: PolicyStatement): string[] {
  return statement.principals.filter((p) => p.type === 'AWS').flatMap((p) => p.identifiers);
}

/** checkov lets an account-wide trust through when it is sts:AssumeRole guarded by sts:ExternalId. */
function isExternalIdGuarded(statement: PolicyStatement): boolean {
  return (
    statement.actions.includes('sts:AssumeRole') &&
    statement.conditions.some((c) => c.variable === 'sts:ExternalId')
  );
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

const serviceTrust = policyJson({
  Effect: 'Allow',
  Principal: { Service: 'eks.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
const roleStack = (policy: string) => ({
  [ROLE]: { app: { name: 'skillforge-app', assume_role_policy: policy } },
});
const trustedBy = (principal: unknown, extra: Readonly<Record<string, unknown>> = {}) =>
  roleStack(policyJson({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }));

export const iamTrustRules: readonly Rule[] = [
  {
    id: 'iam-no-public-assume',
    checkIds: ['CKV_AWS_60'],
    resourceTypes: [ROLE],
    severity: 'critical',
    description: 'No trust policy lets any AWS principal (Principal "*" or AWS "*") assume the role.',
    check: (r, ctx) => {
      const statements = trustStatements(r, ctx);
      if (!Array.isArray(statements)) return statements;
      const open = statements.findIndex((s) => s.effect === 'Allow' && hasWildcardPrincipal(s));
      return open === -1
        ? passed('only named principals may assume the role')
        : failed(`trust statement ${open + 1} allows every principal`);
    },
    good: [fixture('service principal', roleStack(serviceTrust))],
    bad: [
      fixture('anyone', trustedBy({ AWS: '*' })),
      fixture('trust policy from a variable', roleStack('${var.trust}')),
    ],
  },
  {
    id: 'iam-no-account-wide-assume',
    checkIds: ['CKV_AWS_61'],
    resourceTypes: [ROLE],
    severity: 'high',
    description:
      'No trust policy names a whole account (a bare account id or arn:…:root) unless it is sts:AssumeRole guarded by ' +
      'sts:ExternalId; name the role that may assume it instead.',
    check: (r, ctx) => {
      const statements = trustStatements(r, ctx);
      if (!Array.isArray(statements)) return statements;
      const accountWide = statements.flatMap((s, i) =>
        s.effect === 'Allow' && !isExternalIdGuarded(s)
          ? awsPrincipals(s)
              .filter((p) => ACCOUNT_WIDE.test(p))
              .map((p) => `statement ${i + 1} trusts ${p}`)
          : [],
      );
      return accountWide.length === 0 ? passed('no account-wide trust') : failed(accountWide.join('; '));
    },
    good: [
      fixture('a named role', trustedBy({ AWS: 'arn:aws:iam::111122223333:role/ci-deployer' })),
      fixture(
        'third party with an external id',
        trustedBy(
          { AWS: '444455556666' },
          { Condition: { StringEquals: { 'sts:ExternalId': 'skillforge' } } },
        ),
      ),
    ],
    bad: [
      fixture('account root', trustedBy({ AWS: 'arn:aws:iam::111122223333:root' })),
      fixture('bare account id', trustedBy({ AWS: ['111122223333'] })),
    ],
  },
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
