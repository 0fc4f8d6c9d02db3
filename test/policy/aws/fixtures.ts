// Helpers for writing rule fixtures as small Terraform JSON documents, the way CDKTF renders them.
import { expectAttribute, isTrue } from './expect';
import type { Attributes, BlocksByType, Fixture, Rule } from './types';

export function fixture(name: string, resource: BlocksByType, data?: BlocksByType): Fixture {
  return { name, document: data === undefined ? { resource } : { resource, data } };
}

/** `base` with attributes replaced; a change to `undefined` removes the attribute (tests "missing"). */
export function change(base: Attributes, changes: Readonly<Record<string, unknown>>): Attributes {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** The token CDKTF writes for an attribute of another resource: "${aws_kms_key.data.arn}". */
export function ref(type: string, name: string, attribute: string): string {
  return `\${${type}.${name}.${attribute}}`;
}

/** An IAM policy as a JSON string, as `JSON.stringify` in a construct produces it. */
export function policyJson(...statements: readonly Readonly<Record<string, unknown>>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A customer-managed key every fixture can point `kms_key_id`-style attributes at. */
export const fixtureKmsKey: Attributes = {
  description: 'fixture key',
  enable_key_rotation: true,
  policy: policyJson({
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:role/platform-admin' },
    Action: 'kms:*',
    Resource: '*',
  }),
};

export const fixtureKmsKeyArn = ref('aws_kms_key', 'data', 'arn');

/** An example rule for the engine's own tests (checkov judges multi_az for real, test/scanners/). */
export const exampleMultiAzRule: Rule = {
  id: 'rds-multi-az',
  checkIds: ['CKV_AWS_157'],
  resourceTypes: ['aws_db_instance'],
  severity: 'medium',
  description: 'multi_az = true',
  check: (r) => expectAttribute(r, 'multi_az', isTrue),
  good: [],
  bad: [],
};
