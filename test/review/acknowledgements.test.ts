// Acknowledgements: the committed file's format, the error messages for an invalid one, and how entries match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENTS_FILE,
  applyAcknowledgements,
  parseAcknowledgements,
  type Acknowledgement,
  type Finding,
} from '../../scripts/review';

const REPO_ROOT = join(__dirname, '..', '..');

const ENTRY = {
  env: 'prod',
  resource: 'prod-data/aws_s3_bucket.assets',
  change: 'replacement',
  reason: 'bucket renamed in PLAT-812; objects copied first',
  acknowledged_by: 'priya.desai',
};

function yamlList(...entries: object[]): string {
  return JSON.stringify(entries);
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    env: 'prod',
    layer: 'terraform',
    kind: 'replacement',
    address: 'prod-data/aws_s3_bucket.assets',
    resourceType: 'aws_s3_bucket',
    attributes: [],
    gated: true,
    source: 'table',
    ...overrides,
  };
}

describe('parseAcknowledgements', () => {
  it('reads the committed file, which starts as an empty list under its header comment', () => {
    const text = readFileSync(join(REPO_ROOT, ACKNOWLEDGEMENTS_FILE), 'utf8');
    expect(text.startsWith('#')).toBe(true);
    expect(parseAcknowledgements(text)).toEqual([]);
  });

  it('accepts complete entries and a file holding only comments', () => {
    expect(parseAcknowledgements(yamlList(ENTRY))).toEqual([ENTRY]);
    expect(parseAcknowledgements('# nothing acknowledged yet\n')).toEqual([]);
  });

  it('fails when a change kind is not one of removal, rename, replacement, naming entry and field', () => {
    expect(() => parseAcknowledgements(yamlList(ENTRY, { ...ENTRY, change: 'replace' }))).toThrow(
      'docs/acknowledged-changes.yaml: entry 2 (prod prod-data/aws_s3_bucket.assets): field "change" must be one of removal, rename, replacement (got "replace")',
    );
  });

  it('fails when a field is missing or empty', () => {
    const withoutAuthor = { env: ENTRY.env, resource: ENTRY.resource, change: ENTRY.change, reason: '  ' };
    expect(() => parseAcknowledgements(yamlList(withoutAuthor))).toThrow(
      'docs/acknowledged-changes.yaml: entry 1 (prod prod-data/aws_s3_bucket.assets): field "reason" must not be empty; field "acknowledged_by" is required',
    );
  });

  it('fails on an unknown field, which is usually a misspelt one', () => {
    expect(() => parseAcknowledgements(yamlList({ ...ENTRY, 'acknowledged-by': 'x' }))).toThrow(
      'docs/acknowledged-changes.yaml: entry 1 (prod prod-data/aws_s3_bucket.assets): field "acknowledged-by" is not allowed (allowed: env, resource, change, reason, acknowledged_by)',
    );
  });

  it('fails when an entry is not a mapping or the file is not a list', () => {
    expect(() => parseAcknowledgements('- just a string\n')).toThrow(
      'docs/acknowledged-changes.yaml: entry 1: must be a mapping with the fields env, resource, change, reason, acknowledged_by',
    );
    expect(() => parseAcknowledgements('env: prod\n')).toThrow(
      'docs/acknowledged-changes.yaml: expected a list of acknowledgements',
    );
  });

  it('fails when an entry repeats another', () => {
    expect(() => parseAcknowledgements(yamlList(ENTRY, { ...ENTRY, reason: 'again' }))).toThrow(
      'docs/acknowledged-changes.yaml: entry 2 (prod prod-data/aws_s3_bucket.assets): duplicates entry 1',
    );
  });

  it('fails on YAML that does not parse', () => {
    expect(() => parseAcknowledgements('- env: [prod\n')).toThrow(
      'docs/acknowledged-changes.yaml: invalid YAML:',
    );
  });
});

describe('applyAcknowledgements', () => {
  const acknowledged = ENTRY as Acknowledgement;

  it('marks the finding with the same env, address and change kind', () => {
    const { findings, unused } = applyAcknowledgements([finding({})], [acknowledged]);
    expect(findings[0].acknowledgement).toEqual(acknowledged);
    expect(unused).toEqual([]);
  });

  it('leaves a finding of another kind or environment unacknowledged', () => {
    const { findings } = applyAcknowledgements(
      [finding({ kind: 'removal' }), finding({ env: 'staging' })],
      [acknowledged],
    );
    expect(findings.map((entry) => entry.acknowledgement)).toEqual([undefined, undefined]);
  });

  it('accepts either address of a destroy/create pair', () => {
    const rename = finding({
      kind: 'rename',
      address: 'prod-data/aws_db_instance.postgres_primary',
      newAddress: 'prod-data/aws_db_instance.postgres_main',
    });
    const byNewAddress = {
      ...acknowledged,
      change: 'rename',
      resource: 'prod-data/aws_db_instance.postgres_main',
    } as const;
    expect(applyAcknowledgements([rename], [byNewAddress]).findings[0].acknowledgement).toEqual(byNewAddress);
  });

  it('lists entries of reviewed environments that match nothing', () => {
    const stale = { ...acknowledged, resource: 'prod-data/aws_s3_bucket.gone' };
    const otherEnv = { ...acknowledged, env: 'dev' };
    expect(applyAcknowledgements([], [stale, otherEnv], ['prod']).unused).toEqual([stale]);
  });
});
