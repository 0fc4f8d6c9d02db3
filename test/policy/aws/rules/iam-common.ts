// What the IAM rule families share: where permission policies live and how statements are judged.
import { failed, passed } from '../expect';
import type { PolicyStatement } from '../policy';
import type { CheckResult, Resource, RuleContext } from '../types';
import { asStrings, blocks, show } from '../values';

/** Resources that carry an identity (permission) policy document. */
export const PERMISSION_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
] as const;

/** Resources that attach AWS-managed policies by ARN, and the attribute holding the ARN(s). */
export const POLICY_ATTACHMENTS: Readonly<Record<string, string>> = {
  aws_iam_role: 'managed_policy_arns',
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_iam_role_policy_attachments_exclusive: 'policy_arns',
  aws_iam_user_policy_attachments_exclusive: 'policy_arns',
  aws_iam_group_policy_attachments_exclusive: 'policy_arns',
};

interface LabelledPolicy {
  readonly label: string;
  readonly value: unknown;
}

/** The permission policies of a resource: its `policy`, or a role's `inline_policy` blocks. */
export function permissionPolicies(resource: Resource): LabelledPolicy[] {
  if (resource.type !== 'aws_iam_role') return [{ label: 'policy', value: resource.values['policy'] }];
  return blocks(resource.values['inline_policy'])
    .filter((inline) => inline['policy'] !== undefined)
    .map((inline) => ({ label: `inline_policy ${show(inline['name'])}`, value: inline['policy'] }));
}

/**
 * Applies `judge` to every Allow statement of every permission policy of the resource. `judge` returns why a
 * statement is unacceptable, or undefined. A policy that cannot be read fails: what it grants is unknown.
 */
export function judgeAllowStatements(
  resource: Resource,
  ctx: RuleContext,
  judge: (statement: PolicyStatement) => string | undefined,
  ok: string,
): CheckResult {
  const policies = permissionPolicies(resource);
  if (policies.length === 0) return passed('no inline policies');
  const problems = policies.flatMap(({ label, value }) => {
    const policy = ctx.policy(value);
    if (!policy.ok) return [`${label}: ${policy.reason}`];
    return policy.statements.flatMap((statement, i) => {
      if (statement.effect !== 'Allow') return [];
      const problem = judge(statement);
      return problem === undefined ? [] : [`${label} statement ${i + 1} ${problem}`];
    });
  });
  return problems.length === 0 ? passed(ok) : failed(problems.join('; '));
}

/** The managed policy ARNs a resource attaches (a role's managed_policy_arns, an attachment's policy_arn). */
export function attachedPolicyArns(resource: Resource): string[] {
  const attribute = POLICY_ATTACHMENTS[resource.type];
  return attribute === undefined ? [] : (asStrings(resource.values[attribute]) ?? []);
}
