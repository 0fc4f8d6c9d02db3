// Every rule proves itself on its own fixtures, as trivy-checks' examples test and checkov's pass/fail
// fixtures do: good fixtures pass (and are actually looked at), bad fixtures fail.
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { awsRules } from './rules';
import type { Finding, Fixture, Rule } from './types';

function findingsFor(rule: Rule, fixture: Fixture): Finding[] {
  return evaluate([{ env: 'fixture', stack: rule.id, document: fixture.document }], [rule]);
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.status} ${f.address}: ${f.message}`).join('\n') || '(no findings)';
}

describe('AWS rule catalogue', () => {
  it('holds the project rules no scanner has', () => {
    expect(awsRules.map((rule) => rule.id)).toEqual([
      'iam-irsa-trust-policy',
      'stateful-deletion-protection',
    ]);
  });

  it('has unique rule ids', () => {
    const ids = awsRules.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has unique (rule, check id) pairs and well-formed ids', () => {
    const pairs = awsRules.flatMap((rule) => rule.checkIds.map((checkId) => `${rule.id}:${checkId}`));
    expect(pairs.filter((pair, i) => pairs.indexOf(pair) !== i)).toEqual([]);
    const malformed = awsRules.flatMap((rule) => [
      ...(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id) ? [] : [`${rule.id}: id is not kebab case`]),
      ...rule.checkIds
        .filter((id) => !/^(CKV2?_AWS_\d+|AVD-AWS-\d{4})$/.test(id))
        .map((id) => `${rule.id}: ${id} is neither a checkov nor a trivy AWS id`),
    ]);
    expect(malformed).toEqual([]);
  });

  it('gives every rule a description, resource types and at least one good and one bad fixture', () => {
    const incomplete = awsRules
      .filter(
        (r) =>
          r.description === '' || r.resourceTypes.length === 0 || r.good.length === 0 || r.bad.length === 0,
      )
      .map((r) => r.id);
    expect(incomplete).toEqual([]);
  });
});

describe.each(awsRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.good.map((f) => [f.name, f] as const))('passes good fixture: %s', (_name, fixture) => {
    const findings = findingsFor(rule, fixture);
    const summary = describeFindings(findings);
    expect(
      findings.filter((f) => f.status === 'failed'),
      summary,
    ).toEqual([]);
    expect(findings.filter((f) => f.status === 'passed').length, summary).toBeGreaterThan(0);
  });

  it.each(rule.bad.map((f) => [f.name, f] as const))('fails bad fixture: %s', (_name, fixture) => {
    const findings = findingsFor(rule, fixture);
    expect(findings.filter((f) => f.status === 'failed').length, describeFindings(findings)).toBeGreaterThan(
      0,
    );
  });
});
