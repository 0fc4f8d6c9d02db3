// checkRenderedTree on small deploy trees written to a temporary folder: what makes it fail, and what does not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicyException } from '../shared/exceptions';
import { checkRenderedTree } from './check-rendered-tree';
import { loadRenderedStacks } from './engine';
import { expectAttribute, isTrue } from './expect';
import { exampleMultiAzRule } from './fixtures';
import type { Rule, TerraformJsonDocument } from './types';

let deployDir = '';

beforeEach(() => {
  deployDir = mkdtempSync(join(tmpdir(), 'aws-policy-'));
});

afterEach(() => {
  rmSync(deployDir, { recursive: true, force: true });
});

function writeStack(env: string, stack: string, document: TerraformJsonDocument | string): string {
  const dir = join(deployDir, env, 'terraform', stack);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cdk.tf.json');
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
  return file;
}

// Example rules for the engine's own tests, shaped like the retired catalogue rules they replace here (checkov
// and trivy judge these attributes for real in test/scanners/).
const exampleRules: readonly Rule[] = [
  {
    id: 'rds-storage-encrypted',
    checkIds: ['CKV_AWS_16', 'AVD-AWS-0080'],
    resourceTypes: ['aws_db_instance'],
    severity: 'high',
    description: 'storage_encrypted = true',
    check: (r) => expectAttribute(r, 'storage_encrypted', isTrue),
    good: [
      {
        name: 'encrypted',
        document: { resource: { aws_db_instance: { primary: { storage_encrypted: true } } } },
      },
    ],
    bad: [],
  },
  exampleMultiAzRule,
];

function rulesNamed(...ids: string[]): Rule[] {
  return ids.map((id) => {
    const rule = exampleRules.find((r) => r.id === id);
    if (!rule) throw new Error(`no rule ${id}`);
    return rule;
  });
}

const unencryptedSingleAz: TerraformJsonDocument = {
  resource: { aws_db_instance: { primary: { storage_encrypted: false, multi_az: false } } },
};

const devMultiAz: PolicyException = {
  rule: 'rds-multi-az',
  address: 'dev/dev-data/aws_db_instance.primary',
  reason: 'dev runs a single instance to halve its cost',
  expires: '2026-06-30',
};

describe('checkRenderedTree', () => {
  it('fails when no rendered stacks exist, so an empty tree cannot pass', () => {
    expect(checkRenderedTree(deployDir, { exceptions: [] }).problems).toEqual([
      `no rendered stacks found: expected ${join(deployDir, '<env>', 'terraform', '<stack>', 'cdk.tf.json')}` +
        ' (render the tree first; an empty tree would pass every rule)',
    ]);
  });

  it('fails listing every failed finding not covered by a valid exception', () => {
    writeStack('dev', 'dev-data', unencryptedSingleAz);
    writeStack('prod', 'prod-data', unencryptedSingleAz);
    const report = checkRenderedTree(deployDir, {
      rules: rulesNamed('rds-storage-encrypted', 'rds-multi-az'),
      exceptions: [devMultiAz],
      today: '2026-01-01',
    });
    expect(report.problems).toEqual([
      'rds-storage-encrypted [CKV_AWS_16, AVD-AWS-0080] dev/dev-data/aws_db_instance.primary: storage_encrypted is false (expected true)',
      'rds-storage-encrypted [CKV_AWS_16, AVD-AWS-0080] prod/prod-data/aws_db_instance.primary: storage_encrypted is false (expected true)',
      'rds-multi-az [CKV_AWS_157] prod/prod-data/aws_db_instance.primary: multi_az is false (expected true)',
    ]);
  });

  it('passes a tree whose stacks satisfy every rule', () => {
    const [rule] = rulesNamed('rds-storage-encrypted');
    const good = rule?.good[0];
    if (!good) throw new Error('rule has no good fixture');
    writeStack('prod', 'prod-data', good.document);
    const report = checkRenderedTree(deployDir, {
      rules: rulesNamed('rds-storage-encrypted'),
      exceptions: [],
    });
    expect(report.problems).toEqual([]);
    expect(report.stackCount).toBe(1);
  });

  it('fails when an exception matches no failed finding in the rendered tree', () => {
    writeStack('dev', 'dev-data', { resource: { aws_db_instance: { primary: { multi_az: true } } } });
    const report = checkRenderedTree(deployDir, {
      rules: rulesNamed('rds-multi-az'),
      exceptions: [devMultiAz],
      today: '2026-01-01',
    });
    expect(report.problems).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" matches no failed finding: remove it',
    ]);
  });

  it('fails when an exception has expired, and reports the finding it no longer excuses', () => {
    writeStack('dev', 'dev-data', unencryptedSingleAz);
    const report = checkRenderedTree(deployDir, {
      rules: rulesNamed('rds-multi-az'),
      exceptions: [devMultiAz],
      today: '2026-07-01',
    });
    expect(report.problems).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" expired on 2026-06-30: fix the ' +
        'finding or renew the exception with a new expiry (reason given: "dev runs a single instance to halve its cost")',
      'rds-multi-az [CKV_AWS_157] dev/dev-data/aws_db_instance.primary: multi_az is false (expected true)',
    ]);
  });

  it('checks one environment when asked, ignoring exceptions written for another', () => {
    writeStack('dev', 'dev-data', unencryptedSingleAz);
    writeStack('prod', 'prod-data', { resource: { aws_db_instance: { primary: { multi_az: true } } } });
    const report = checkRenderedTree(deployDir, {
      env: 'prod',
      rules: rulesNamed('rds-multi-az'),
      exceptions: [devMultiAz],
      today: '2026-01-01',
    });
    expect([report.stackCount, report.problems]).toEqual([1, []]);
  });
});

describe('loadRenderedStacks', () => {
  it('reads every deploy/<env>/terraform/<stack>/cdk.tf.json, sorted by environment and stack', () => {
    writeStack('prod', 'prod-network', { resource: {} });
    writeStack('dev', 'dev-network', { resource: {} });
    writeStack('dev', 'dev-data', { resource: {} });
    mkdirSync(join(deployDir, 'dev', 'k8s', 'api'), { recursive: true });
    mkdirSync(join(deployDir, 'dev', 'terraform', 'not-synthesized'), { recursive: true });
    expect(loadRenderedStacks(deployDir).map((s) => `${s.env}/${s.stack}`)).toEqual([
      'dev/dev-data',
      'dev/dev-network',
      'prod/prod-network',
    ]);
    expect(loadRenderedStacks(deployDir, 'prod').map((s) => s.stack)).toEqual(['prod-network']);
  });

  it('fails when a cdk.tf.json is not valid JSON, naming the file', () => {
    const file = writeStack('dev', 'dev-data', '{"resource": ');
    expect(() => loadRenderedStacks(deployDir)).toThrow(`${file} is not valid JSON:`);
  });

  it('fails when a cdk.tf.json is not shaped like Terraform JSON, naming the file and path', () => {
    const file = writeStack(
      'dev',
      'dev-data',
      JSON.stringify({ resource: { aws_db_instance: ['primary'] } }),
    );
    expect(() => loadRenderedStacks(deployDir)).toThrow(
      `${file} is not a Terraform JSON document: resource.aws_db_instance: Invalid input: expected record, received array`,
    );
  });
});
