// A principal's table: requests it must be allowed and requests it must be denied, each simulated against the
// rendered policies, each citing the document that says why (AWS documentation or the component's published
// policy). Rows are built from the model, so every environment gets its own ARNs.
import type { EnvConfig } from '../../../../environments';
import type { PolicyDocument, RenderedIam, RenderedRole } from '../rendered-iam';
import type { Caller } from '../simulator';

export interface Row {
  /** What the row proves, in a few words. */
  readonly says: string;
  readonly expect: 'allow' | 'deny';
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | string[]>>;
  /** The resource's own policy, evaluated as AWS does (trust, key or bucket policy). */
  readonly against?: PolicyDocument;
  /** URL and section of the document the row encodes. */
  readonly source: string;
  /** Another caller than the table's (a principal ARN), for trust rows about who else may not assume. */
  readonly as?: string;
}

export interface PrincipalTable {
  /** Who is asking, e.g. "GitHub deploy role" or "CloudWatch Logs on the log keys". */
  readonly principal: string;
  /** The environments where the principal exists. Default: every one. */
  readonly appliesTo?: (env: EnvConfig) => boolean;
  readonly caller: (iam: RenderedIam, env: EnvConfig) => Caller;
  readonly rows: (iam: RenderedIam, env: EnvConfig) => Row[];
}

export function roleOf(iam: RenderedIam, name: string): RenderedRole {
  const role = iam.roles.get(name);
  if (!role) throw new Error(`${iam.env}: no rendered role ${name}`);
  return role;
}

export function keyOf(iam: RenderedIam, alias: string) {
  const key = iam.keys.get(alias);
  if (!key) throw new Error(`${iam.env}: no rendered key ${alias}`);
  return key;
}

export function bucketPolicyOf(iam: RenderedIam, bucket: string): PolicyDocument {
  const policy = iam.buckets.get(bucket);
  if (!policy) throw new Error(`${iam.env}: no rendered bucket policy for ${bucket}`);
  return policy;
}

/** What S3 sees on a TLS 1.3 request (the bucket policies deny plain HTTP and old TLS). */
export const OVER_TLS = { 'aws:SecureTransport': 'true', 's3:TlsVersion': '1.3' } as const;

export const allow = (row: Omit<Row, 'expect'>): Row => ({ ...row, expect: 'allow' });
export const deny = (row: Omit<Row, 'expect'>): Row => ({ ...row, expect: 'deny' });

/** An account-scoped ARN builder for an environment. */
export const arnsOf = (env: EnvConfig) => {
  const { region, accountId } = env.aws;
  return {
    role: (name: string) => `arn:aws:iam::${accountId}:role/${name}`,
    secret: (name: string) => `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-AbCdEf`,
    object: (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`,
    ec2: (type: string, id: string) => `arn:aws:ec2:${region}:${accountId}:${type}/${id}`,
    elb: (rest: string) => `arn:aws:elasticloadbalancing:${region}:${accountId}:${rest}`,
    rds: (type: string, id: string) => `arn:aws:rds:${region}:${accountId}:${type}:${id}`,
    logGroup: (name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}`,
  };
};
