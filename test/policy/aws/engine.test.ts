// The engine's contract: how resources are normalised, how references connect them, how tokens are judged,
// and what a finding looks like.
import { describe, expect, it } from 'vitest';
import { evaluate, formatFinding, normaliseResources, StackContext } from './engine';
import { expectAttribute, expectSet, isTrue, notTrue } from './expect';
import type { RenderedStack, Rule, TerraformJsonDocument } from './types';

const rendered = (document: TerraformJsonDocument): RenderedStack => ({
  env: 'prod',
  stack: 'prod-data',
  document,
});
const contextOf = (document: TerraformJsonDocument) => new StackContext(rendered(document));

function storageRule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'rds-storage-encrypted',
    checkIds: ['CKV_AWS_16', 'AVD-AWS-0080'],
    resourceTypes: ['aws_db_instance'],
    severity: 'high',
    description: 'storage_encrypted = true',
    check: (r) => expectAttribute(r, 'storage_encrypted', isTrue),
    good: [],
    bad: [],
    ...overrides,
  };
}

describe('normaliseResources', () => {
  it('addresses resources as <type>.<name> and drops the CDKTF "//" metadata', () => {
    const resources = normaliseResources(
      rendered({
        '//': { metadata: { backend: 's3' } },
        resource: {
          aws_db_instance: {
            primary: { '//': { metadata: { path: 'prod-data/postgres' } }, storage_encrypted: true },
          },
        },
      }),
    );
    expect(resources).toEqual([
      {
        env: 'prod',
        stack: 'prod-data',
        type: 'aws_db_instance',
        name: 'primary',
        address: 'aws_db_instance.primary',
        values: { storage_encrypted: true },
      },
    ]);
  });
});

describe('nested blocks', () => {
  const cluster = (vpcConfig: unknown) =>
    normaliseResources(rendered({ resource: { aws_eks_cluster: { main: { vpc_config: vpcConfig } } } }))[0];
  const privateEndpoint = { text: 'false', missing: 'failed' as const, accepts: (v: unknown) => v === false };

  it('reads a block written as an object or as a list of objects the same way', () => {
    const asObject = cluster({ endpoint_public_access: false });
    const asList = cluster([{ endpoint_public_access: false }]);
    if (!asObject || !asList) throw new Error('fixture did not normalise');
    const expected = { status: 'passed', message: 'vpc_config.endpoint_public_access is false' };
    expect(expectAttribute(asObject, 'vpc_config.endpoint_public_access', privateEndpoint)).toEqual(expected);
    expect(expectAttribute(asList, 'vpc_config.endpoint_public_access', privateEndpoint)).toEqual(expected);
  });

  it('fails when the block is missing, as checkov does for an expected value', () => {
    const withoutBlock = cluster(undefined);
    if (!withoutBlock) throw new Error('fixture did not normalise');
    expect(expectAttribute(withoutBlock, 'vpc_config.endpoint_public_access', privateEndpoint)).toEqual({
      status: 'failed',
      message: 'vpc_config.endpoint_public_access is not set (expected false)',
    });
  });
});

describe('references between resources of a stack', () => {
  const ctx = contextOf({
    resource: {
      aws_s3_bucket: { assets: { bucket: 'assets' }, logs: { bucket: 'logs' } },
      aws_s3_bucket_versioning: {
        by_id: { bucket: '${aws_s3_bucket.assets.id}' },
        by_name: { bucket: '${aws_s3_bucket.assets.bucket}' },
        by_arn: { bucket: '${aws_s3_bucket.assets.arn}' },
        other_bucket: { bucket: '${aws_s3_bucket.logs.id}' },
        literal: { bucket: 'assets' },
      },
      aws_kms_key: { data: { enable_key_rotation: true } },
    },
    data: { aws_iam_policy_document: { trust: { statement: [] } } },
  });

  it('connects sub-resources to a bucket through .id, .bucket and .arn references', () => {
    const [bucket] = ctx.resourcesOfType('aws_s3_bucket');
    if (!bucket) throw new Error('no bucket');
    const connected = ctx.referencing(bucket, 'aws_s3_bucket_versioning', 'bucket').map((r) => r.address);
    expect(connected).toEqual([
      'aws_s3_bucket_versioning.by_id',
      'aws_s3_bucket_versioning.by_name',
      'aws_s3_bucket_versioning.by_arn',
    ]);
  });

  it('resolves a whole-string reference to the resource it names, and nothing else', () => {
    expect(ctx.resolve('${aws_kms_key.data.arn}')?.address).toBe('aws_kms_key.data');
    expect(ctx.resolve('${aws_kms_key.missing.arn}')).toBeUndefined();
    expect(ctx.resolve('${data.aws_iam_policy_document.trust.json}')).toBeUndefined();
    expect(ctx.resolve('${var.key}')).toBeUndefined();
    expect(ctx.resolve('arn:aws:kms:eu-west-1:111122223333:key/abc')).toBeUndefined();
  });

  it.each([
    ['${aws_kms_key.data.arn}', true],
    ['${data.aws_iam_policy_document.trust.json}', true],
    ['${aws_s3_bucket.assets.arn}/*', true],
    ['${replace(aws_s3_bucket.assets.bucket, "-", "_")}', true],
    ['${aws_kms_key.missing.arn}', false],
    ['${data.aws_iam_policy_document.missing.json}', false],
    ['${var.kms_key_arn}', false],
    ['${local.kms_key_arn}', false],
    ['${coalesce(var.key, aws_kms_key.data.arn)}', false],
    ['${undefined}', false],
  ])('treats %s as resolvable: %s', (token, resolvable) => {
    expect(ctx.isResolvableToken(token)).toBe(resolvable);
  });
});

describe('unresolved tokens', () => {
  const instance = (values: Record<string, unknown>) => {
    const resource = normaliseResources(rendered({ resource: { aws_db_instance: { primary: values } } }))[0];
    if (!resource) throw new Error('fixture did not normalise');
    return resource;
  };

  it('fails when an expected value is an unresolved token', () => {
    expect(
      expectAttribute(instance({ storage_encrypted: '${var.encrypted}' }), 'storage_encrypted', isTrue),
    ).toEqual({
      status: 'failed',
      message: 'storage_encrypted is the unresolved token ${var.encrypted} (expected true)',
    });
  });

  it('fails when a forbidden value is an unresolved token', () => {
    expect(
      expectAttribute(instance({ publicly_accessible: '${var.public}' }), 'publicly_accessible', notTrue),
    ).toEqual({
      status: 'failed',
      message: 'publicly_accessible is the unresolved token ${var.public} (expected false or unset)',
    });
  });

  it('fails when a must-be-set value references a resource that is not in the stack', () => {
    const ctx = contextOf({ resource: { aws_db_instance: { primary: {} } } });
    const result = expectSet(instance({ kms_key_id: '${aws_kms_key.elsewhere.arn}' }), ctx, 'kms_key_id');
    expect(result).toEqual({
      status: 'failed',
      message: 'kms_key_id is the unresolved token ${aws_kms_key.elsewhere.arn}',
    });
  });

  it('accepts the string "true", which Terraform coerces (provider 6.x types some flags as strings)', () => {
    expect(expectAttribute(instance({ storage_encrypted: 'true' }), 'storage_encrypted', isTrue)).toEqual({
      status: 'passed',
      message: 'storage_encrypted is "true"',
    });
  });
});

describe('evaluate', () => {
  const stack = rendered({
    resource: {
      aws_db_instance: { primary: { storage_encrypted: true }, replica: {} },
      aws_s3_bucket: { assets: { bucket: 'assets' } },
    },
  });

  it('records one finding per resource of the rule’s types, with ids, environment, stack and address', () => {
    expect(evaluate([stack], [storageRule()])).toEqual([
      {
        ruleId: 'rds-storage-encrypted',
        checkIds: ['CKV_AWS_16', 'AVD-AWS-0080'],
        env: 'prod',
        stack: 'prod-data',
        address: 'aws_db_instance.primary',
        status: 'passed',
        message: 'storage_encrypted is true',
      },
      {
        ruleId: 'rds-storage-encrypted',
        checkIds: ['CKV_AWS_16', 'AVD-AWS-0080'],
        env: 'prod',
        stack: 'prod-data',
        address: 'aws_db_instance.replica',
        status: 'failed',
        message: 'storage_encrypted is not set (expected true)',
      },
    ]);
  });

  it('fails when a rule throws, naming the error instead of hiding the resource', () => {
    const throwing = storageRule({
      check: () => {
        throw new Error('boom');
      },
    });
    expect(evaluate([stack], [throwing]).map((f) => [f.status, f.message])).toEqual([
      ['failed', 'rule error: boom'],
      ['failed', 'rule error: boom'],
    ]);
  });

  it('formats a failed finding as rule id, check ids, env/stack/address and the reason', () => {
    const [, failedFinding] = evaluate([stack], [storageRule()]);
    if (!failedFinding) throw new Error('expected two findings');
    expect(formatFinding(failedFinding)).toBe(
      'rds-storage-encrypted [CKV_AWS_16, AVD-AWS-0080] prod/prod-data/aws_db_instance.replica: ' +
        'storage_encrypted is not set (expected true)',
    );
    expect(formatFinding({ ...failedFinding, ruleId: 'stateful-deletion-protection', checkIds: [] })).toBe(
      'stateful-deletion-protection [project rule] prod/prod-data/aws_db_instance.replica: ' +
        'storage_encrypted is not set (expected true)',
    );
  });
});
