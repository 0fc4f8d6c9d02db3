// Turns the Terraform expressions inside rendered policy documents into the concrete strings AWS would see, so an
// IAM simulator can evaluate them. Values Terraform knows only after apply (a key's id, an OIDC issuer's id) get a
// stable stand-in of the right shape; names come from the resource's own arguments. An expression this resolver
// does not know fails loudly: a new kind of reference in a policy must be taught here, never silently skipped.
import type { RenderedStack } from './rendered-stacks';

/** Stand-in for the random part of an EKS cluster's OIDC issuer (oidc.eks.<region>.amazonaws.com/id/<id>). */
export const SIMULATED_ISSUER_ID = 'SIMULATEDISSUER0000000000000000001';

type Block = Record<string, unknown>;

export interface ResolveContext {
  readonly stack: RenderedStack;
  /** Every stack of the environment, for remote-state outputs. */
  readonly stacks: readonly RenderedStack[];
  readonly accountId: string;
  readonly region: string;
}

const TOKEN = /\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g;

/** Replaces every ${…} in a string; throws naming the expression when one is unknown. */
export function resolveString(text: string, ctx: ResolveContext): string {
  return text.replace(TOKEN, (_match, expression: string) => resolveExpression(expression.trim(), ctx));
}

/** A resolved value: strings resolved, arrays and objects walked. */
export function resolveValue(value: unknown, ctx: ResolveContext): unknown {
  if (typeof value === 'string') return resolveString(value, ctx);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Block)
        .filter(([key]) => key !== '//')
        .map(([key, item]) => [key, resolveValue(item, ctx)]),
    );
  }
  return value;
}

function resolveExpression(expression: string, ctx: ResolveContext): string {
  const issuer = /^replace\(aws_eks_cluster\.[\w-]+\.identity\[0\]\.oidc\[0\]\.issuer, "https:\/\/", ""\)$/;
  if (issuer.test(expression)) return eksIssuer(ctx.region);
  if (/^aws_eks_cluster\.[\w-]+\.identity\[0\]\.oidc\[0\]\.issuer$/.test(expression)) {
    return `https://${eksIssuer(ctx.region)}`;
  }
  const master = /^aws_db_instance\.([\w-]+)\.master_user_secret\[0\]\.secret_arn$/.exec(expression);
  if (master) {
    // RDS names the managed master secret rds!db-<resource id>; Secrets Manager appends six random characters.
    return `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:rds!db-simulated-${master[1]}-AbCdEf`;
  }
  const remote = /^data\.terraform_remote_state\.[\w-]+\.outputs\.([\w-]+)$/.exec(expression);
  if (remote) return remoteOutput(remote[1]!, ctx);
  const reference = /^([a-z0-9_]+)\.([\w-]+)\.([a-z_]+)$/.exec(expression);
  if (reference) return resourceAttribute(reference[1]!, reference[2]!, reference[3]!, ctx);
  throw new Error(`${ctx.stack.stack}: cannot resolve \${${expression}} for the IAM simulation`);
}

export const eksIssuer = (region: string): string =>
  `oidc.eks.${region}.amazonaws.com/id/${SIMULATED_ISSUER_ID}`;

function resourceAttribute(type: string, name: string, attribute: string, ctx: ResolveContext): string {
  const block = resourcesOf(ctx.stack, type)[name];
  if (!block) throw new Error(`${ctx.stack.stack}: ${type}.${name} is referenced but not rendered`);
  const arg = (key: string): string => {
    const value = block[key];
    if (typeof value !== 'string') throw new Error(`${ctx.stack.stack}: ${type}.${name} has no ${key}`);
    return resolveString(value, ctx);
  };
  const region = providerRegion(ctx, block);
  const { accountId } = ctx;
  const known: Record<string, () => string> = {
    'aws_kms_key.arn': () => `arn:aws:kms:${region}:${accountId}:key/${keyIdOf(name)}`,
    'aws_kms_key.key_id': () => keyIdOf(name),
    'aws_s3_bucket.arn': () => `arn:aws:s3:::${arg('bucket')}`,
    'aws_s3_bucket.id': () => arg('bucket'),
    'aws_s3_bucket.bucket': () => arg('bucket'),
    'aws_cloudwatch_log_group.arn': () => `arn:aws:logs:${region}:${accountId}:log-group:${arg('name')}`,
    'aws_iam_role.arn': () => `arn:aws:iam::${accountId}:role/${arg('name')}`,
    'aws_iam_role.name': () => arg('name'),
    'aws_iam_role.id': () => arg('name'),
    'aws_iam_policy.arn': () => `arn:aws:iam::${accountId}:policy/${arg('name')}`,
    'aws_secretsmanager_secret.arn': () =>
      `arn:aws:secretsmanager:${region}:${accountId}:secret:${arg('name')}-AbCdEf`,
    'aws_sqs_queue.arn': () => `arn:aws:sqs:${region}:${accountId}:${arg('name')}`,
    'aws_sqs_queue.url': () => `https://sqs.${region}.amazonaws.com/${accountId}/${arg('name')}`,
    'aws_eks_cluster.name': () => arg('name'),
    'aws_eks_cluster.arn': () => `arn:aws:eks:${region}:${accountId}:cluster/${arg('name')}`,
    'aws_iam_openid_connect_provider.arn': () =>
      `arn:aws:iam::${accountId}:oidc-provider/${arg('url').replace(/^https:\/\//, '')}`,
    'aws_cloudwatch_event_rule.arn': () => `arn:aws:events:${region}:${accountId}:rule/${arg('name')}`,
    'aws_opensearch_domain.arn': () => `arn:aws:es:${region}:${accountId}:domain/${arg('domain_name')}`,
    'aws_lambda_function.arn': () => `arn:aws:lambda:${region}:${accountId}:function:${arg('function_name')}`,
  };
  const resolver = known[`${type}.${attribute}`];
  if (!resolver) throw new Error(`${ctx.stack.stack}: cannot resolve ${type}.${name}.${attribute}`);
  return resolver();
}

/** A readable, stable key id: KMS ids are UUIDs chosen by AWS at create time. */
const keyIdOf = (logicalId: string): string => `simulated-${logicalId}`;

/** The EKS OIDC provider's url is the cluster's issuer, itself a reference. */
function providerRegion(ctx: ResolveContext, block: Block): string {
  const provider = block['provider'];
  if (typeof provider !== 'string') return ctx.region;
  const alias = provider.replace(/^aws\./, '');
  const providers = (ctx.stack.document['provider'] as { aws: Block[] }).aws;
  const match = providers.find((entry) => entry['alias'] === alias);
  const region = match?.['region'];
  if (typeof region !== 'string') throw new Error(`${ctx.stack.stack}: provider ${provider} has no region`);
  return region;
}

function remoteOutput(output: string, ctx: ResolveContext): string {
  for (const stack of ctx.stacks) {
    const outputs = (stack.document['output'] ?? {}) as Record<string, { value?: unknown }>;
    const value = outputs[output]?.value;
    if (typeof value === 'string') return resolveString(value, { ...ctx, stack });
  }
  throw new Error(`${ctx.stack.stack}: no stack of the environment outputs ${output}`);
}

export function resourcesOf(stack: RenderedStack, type: string): Record<string, Block> {
  const resources = (stack.document['resource'] ?? {}) as Record<string, Record<string, Block>>;
  return resources[type] ?? {};
}

export function dataOf(stack: RenderedStack, type: string): Record<string, Block> {
  const data = (stack.document['data'] ?? {}) as Record<string, Record<string, Block>>;
  return data[type] ?? {};
}
