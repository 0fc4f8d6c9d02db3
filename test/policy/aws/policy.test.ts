// Policies reach the rules in three shapes; all three must read the same, and anything unreadable must say why.
import { describe, expect, it } from 'vitest';
import { parseJsonencodeToken } from './hcl-jsonencode';
import { actionMatches, resolvePolicy, type PolicyStatement } from './policy';
import type { Attributes } from './types';

const noData = () => undefined;

const tlsDeny: PolicyStatement = {
  effect: 'Deny',
  actions: ['s3:*'],
  notActions: [],
  resources: ['${aws_s3_bucket.assets.arn}', '${aws_s3_bucket.assets.arn}/*'],
  principals: [{ type: '*', identifiers: ['*'] }],
  conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
};

describe('resolvePolicy', () => {
  it('reads a JSON-string policy, as JSON.stringify in a construct writes it', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['${aws_s3_bucket.assets.arn}', '${aws_s3_bucket.assets.arn}/*'],
        Condition: { Bool: { 'aws:SecureTransport': false } },
      },
    });
    expect(resolvePolicy(policy, noData)).toEqual({ ok: true, statements: [tlsDeny] });
  });

  it('reads CDKTF’s ${jsonencode(…)} form, keeping bare traversals as tokens', () => {
    // Copied from what cdktf 0.21 synthesizes for Fn.jsonencode({...}) with a bucket ARN inside.
    const policy =
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Deny", "Principal" = "*", ' +
      '"Action" = "s3:*", "Resource" = [aws_s3_bucket.assets.arn, "${aws_s3_bucket.assets.arn}/*"], ' +
      '"Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}]})}';
    expect(resolvePolicy(policy, noData)).toEqual({ ok: true, statements: [tlsDeny] });
  });

  it('reads a data.aws_iam_policy_document reference; effect defaults to Allow; source documents come first', () => {
    const documents: Record<string, Attributes> = {
      base: {
        statement: [
          {
            effect: 'Deny',
            actions: ['s3:*'],
            resources: tlsDeny.resources,
            principals: [{ type: '*', identifiers: ['*'] }],
            condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
          },
        ],
      },
      app: {
        source_policy_documents: ['${data.aws_iam_policy_document.base.json}'],
        statement: {
          actions: ['s3:GetObject'],
          resources: ['${aws_s3_bucket.assets.arn}/*'],
          principals: { type: 'AWS', identifiers: ['arn:aws:iam::111122223333:role/app'] },
        },
      },
    };
    const findData = (type: string, name: string) =>
      type === 'aws_iam_policy_document' ? documents[name] : undefined;
    expect(resolvePolicy('${data.aws_iam_policy_document.app.json}', findData)).toEqual({
      ok: true,
      statements: [
        tlsDeny,
        {
          effect: 'Allow',
          actions: ['s3:GetObject'],
          notActions: [],
          resources: ['${aws_s3_bucket.assets.arn}/*'],
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111122223333:role/app'] }],
          conditions: [],
        },
      ],
    });
  });

  it('fails when no policy is set', () => {
    expect(resolvePolicy(undefined, noData)).toEqual({ ok: false, reason: 'no policy is set' });
  });

  it('fails when the policy is an unresolved token', () => {
    expect(resolvePolicy('${var.bucket_policy}', noData)).toEqual({
      ok: false,
      reason: 'policy is the unresolved token ${var.bucket_policy}',
    });
  });

  it('fails when the policy document is not in the stack', () => {
    expect(resolvePolicy('${data.aws_iam_policy_document.missing.json}', noData)).toEqual({
      ok: false,
      reason: 'policy references data.aws_iam_policy_document.missing, not in this stack',
    });
  });

  it('fails when a statement has no valid Effect', () => {
    expect(resolvePolicy(JSON.stringify({ Statement: [{ Effect: 'Maybe', Action: '*' }] }), noData)).toEqual({
      ok: false,
      reason: 'statement 1 has Effect "Maybe"',
    });
  });

  it('fails when the policy has no Statement', () => {
    expect(resolvePolicy('{"Version":"2012-10-17"}', noData)).toEqual({
      ok: false,
      reason: 'policy has no Statement',
    });
  });

  it('fails when a jsonencode(…) expression cannot be read', () => {
    expect(resolvePolicy('${jsonencode({"Statement" = })}', noData)).toEqual({
      ok: false,
      reason: 'policy jsonencode(…) could not be read: expected a value at offset 15',
    });
  });
});

describe('parseJsonencodeToken', () => {
  it('decodes HCL escapes and literals, and keeps interpolations and expressions as tokens', () => {
    const token =
      '${jsonencode({"text" = "a\\"b\\\\c $${literal} ${aws_s3_bucket.assets.arn}/*", count = -1.5, on = true, ' +
      'none = null, "list" = [1, "two"], "call" = replace(aws_s3_bucket.assets.bucket, "}", ""), "cdktf" = undefined})}';
    expect(parseJsonencodeToken(token)).toEqual({
      ok: true,
      value: {
        text: 'a"b\\c ${literal} ${aws_s3_bucket.assets.arn}/*',
        count: -1.5,
        on: true,
        none: null,
        list: [1, 'two'],
        call: '${replace(aws_s3_bucket.assets.bucket, "}", "")}',
        cdktf: '${undefined}',
      },
    });
  });

  it('ignores anything that is not a jsonencode token', () => {
    expect(parseJsonencodeToken('{"Statement": []}')).toBeUndefined();
    expect(parseJsonencodeToken('${data.aws_iam_policy_document.x.json}')).toBeUndefined();
  });
});

describe('actionMatches', () => {
  it.each([
    ['ec2:Describe*', 'ec2:DescribeInstances', true],
    ['EC2:describe*', 'ec2:DescribeInstances', true],
    ['s3:Get*', 's3:PutObject', false],
    ['*', 'iam:PassRole', true],
  ])('%s covers %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });
});
