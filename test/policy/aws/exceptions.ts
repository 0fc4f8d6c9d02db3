// Accepted AWS policy findings. Each entry is a reviewed decision with a reason and an expiry; the rendered-tree
// test fails when an entry has expired or no longer matches a failed finding, so this list cannot rot.
//
//   { rule: 'stateful-deletion-protection', address: 'dev/dev-data/aws_db_instance.scratch',
//     reason: 'A throwaway instance for the migration rehearsal; deleted with the rehearsal (PLAT-123).',
//     expires: '2026-03-31' }
//
// Addresses are "<env>/<stack>/<type>.<name>"; env and stack may be "*" for an exception that holds everywhere.
// Expiries are at most 12 months out: every entry is looked at again within a year.
import type { PolicyException } from '../shared/exceptions';

/** Six months from when these decisions were taken (2026-11-27). */
const REVIEW = '2027-05-27';

// Only the project rules' exceptions live here; accepted scanner findings are records in the model
// (environments/defaults/scanner-exceptions-aws.ts).
export const awsPolicyExceptions: readonly PolicyException[] = [
  {
    rule: 'iam-irsa-trust-policy',
    address: '*/*/aws_iam_role.github_role',
    reason:
      'The GitHub Actions deploy role is a web-identity role but not IRSA: it trusts token.actions.' +
      'githubusercontent.com with StringEquals on sub = repo:<repository>:environment:<environment> and aud.',
    expires: REVIEW,
  },
  {
    rule: 'iam-irsa-trust-policy',
    address: '*/*/aws_iam_role.github-plan_role',
    reason:
      'The read-only plan role is a GitHub web-identity role, not IRSA: it trusts token.actions.githubusercontent.com ' +
      'with StringEquals on sub = repo:<repository>:pull_request and aud (docs/decisions/deploy-role-boundary-and-plan-role.md).',
    expires: REVIEW,
  },
];
