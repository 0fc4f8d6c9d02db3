// Exceptions are dated, reasoned decisions: they excuse one rule at one address until they expire.
import { describe, expect, it } from 'vitest';
import {
  addressMatches,
  exceptionProblems,
  isoToday,
  unusedExceptionProblems,
  type PolicyException,
} from '../shared/exceptions';
import { awsExceptionFormat } from './check-rendered-tree';
import { evaluate } from './engine';
import { exampleMultiAzRule } from './fixtures';
import { awsPolicyExceptions } from './exceptions';
import { awsRules } from './rules';
import type { RenderedStack } from './types';

const multiAz: PolicyException = {
  rule: 'rds-multi-az',
  address: 'dev/dev-data/aws_db_instance.primary',
  reason: 'dev runs a single instance to halve its cost',
  expires: '2026-06-30',
};

// Exceptions may name the example rule as well as the catalogue's.
const format = awsExceptionFormat([...awsRules, exampleMultiAzRule]);

const devStack: RenderedStack = {
  env: 'dev',
  stack: 'dev-data',
  document: { resource: { aws_db_instance: { primary: { multi_az: false } } } },
};

describe('exception validation', () => {
  it('fails when an exception has expired, naming rule, address, expiry and reason', () => {
    expect(exceptionProblems([multiAz], format, '2026-07-01')).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" expired on 2026-06-30: fix the ' +
        'finding or renew the exception with a new expiry (reason given: "dev runs a single instance to halve its cost")',
    ]);
  });

  it('keeps an exception valid through its expiry day', () => {
    expect(exceptionProblems([multiAz], format, '2026-06-30')).toEqual([]);
  });

  it('fails when an exception names an unknown rule', () => {
    expect(exceptionProblems([{ ...multiAz, rule: 'CKV_AWS_157' }], format, '2026-01-01')).toEqual([
      'exception for rule "CKV_AWS_157" at "dev/dev-data/aws_db_instance.primary" names an unknown rule: the rules ' +
        'are listed in test/policy/aws/README.md',
    ]);
  });

  it('fails when the address is not <env>/<stack>/<type>.<name>', () => {
    expect(
      exceptionProblems([{ ...multiAz, address: 'aws_db_instance.primary' }], format, '2026-01-01'),
    ).toEqual([
      'exception for rule "rds-multi-az" at "aws_db_instance.primary" has a malformed address: expected ' +
        '"<env>/<stack>/<type>.<name>"',
    ]);
  });

  it('fails when an exception gives no reason', () => {
    expect(exceptionProblems([{ ...multiAz, reason: '  ' }], format, '2026-01-01')).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" has no reason: say why the ' +
        'finding is accepted',
    ]);
  });

  it('fails when the expiry is not a real date', () => {
    expect(exceptionProblems([{ ...multiAz, expires: '2026-02-30' }], format, '2026-01-01')).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" has expires "2026-02-30": ' +
        'expected a real date written as YYYY-MM-DD',
    ]);
  });

  it('fails when an exception matches no failed finding', () => {
    expect(unusedExceptionProblems([multiAz], new Set())).toEqual([
      'exception for rule "rds-multi-az" at "dev/dev-data/aws_db_instance.primary" matches no failed finding: remove it',
    ]);
  });

  it('keeps the committed AWS exception list well-formed and unexpired', () => {
    expect(exceptionProblems(awsPolicyExceptions, format, isoToday())).toEqual([]);
  });
});

describe('addressMatches', () => {
  it.each([
    ['dev/dev-data/aws_db_instance.primary', true],
    ['*/dev-data/aws_db_instance.primary', true],
    ['*/*/aws_db_instance.primary', true],
    ['prod/*/aws_db_instance.primary', false],
    ['dev/dev-data/aws_db_instance.replica', false],
    ['dev/dev-data', false],
  ])('%s matches dev/dev-data/aws_db_instance.primary: %s', (pattern, expected) => {
    expect(addressMatches(pattern, 'dev/dev-data/aws_db_instance.primary')).toBe(expected);
  });
});

describe('exceptions in evaluate', () => {
  it('turns a failed finding into a skipped one that carries the exception and its reason', () => {
    const [finding] = evaluate([devStack], [exampleMultiAzRule], [multiAz], '2026-01-01');
    expect(finding).toEqual({
      ruleId: 'rds-multi-az',
      checkIds: ['CKV_AWS_157'],
      env: 'dev',
      stack: 'dev-data',
      address: 'aws_db_instance.primary',
      status: 'skipped',
      message:
        'excepted until 2026-06-30 (dev runs a single instance to halve its cost): multi_az is false (expected true)',
      exception: multiAz,
    });
  });

  it('no longer excuses the finding once the exception has expired', () => {
    const [finding] = evaluate([devStack], [exampleMultiAzRule], [multiAz], '2026-07-01');
    expect([finding?.status, finding?.message, finding?.exception]).toEqual([
      'failed',
      'multi_az is false (expected true)',
      undefined,
    ]);
  });

  it('excuses only the rule it names', () => {
    const [finding] = evaluate(
      [devStack],
      [exampleMultiAzRule],
      [{ ...multiAz, rule: 'stateful-deletion-protection' }],
      '2026-01-01',
    );
    expect(finding?.status).toBe('failed');
  });
});
