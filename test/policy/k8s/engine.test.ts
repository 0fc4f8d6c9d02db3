// How findings are produced and settled against exceptions.
import { describe, expect, it } from 'vitest';
import { evaluateManifests, findFailures, type KubernetesPolicyException } from './engine';
import { compliantApp, replacing } from './fixtures/app';
import { deployment } from './fixtures/workloads';
import { asRendered } from './manifest';
import type { PolicyRule } from './types';

const TODAY = '2025-06-01';

/** A rule that fails every Deployment, so each test controls exactly which findings exist. */
const failsDeployments: PolicyRule = {
  id: 'fails-deployments',
  checkIds: [],
  kinds: ['Deployment'],
  description: 'test rule',
  check: () => ['always fails'],
  good: [],
  bad: [],
};

const prodWeb = asRendered([deployment()], 'prod');

function exception(overrides: Partial<KubernetesPolicyException> = {}): KubernetesPolicyException {
  return {
    rule: 'fails-deployments',
    object: 'prod/api/Deployment/web',
    reason: 'accepted for the test',
    expires: '2025-12-31',
    ...overrides,
  };
}

describe('evaluateManifests', () => {
  it('reports a failed finding with rule, object id and file', () => {
    const report = evaluateManifests(prodWeb, [failsDeployments], [], TODAY);
    expect(report.violations).toEqual([
      {
        rule: 'fails-deployments',
        object: 'prod/api/Deployment/web',
        file: 'deploy/prod/k8s/api/Deployment.web.yaml',
        message: 'always fails',
      },
    ]);
  });

  it('skips objects of kinds the rule does not name', () => {
    const report = evaluateManifests(
      asRendered(
        compliantApp().filter((o) => o.kind !== 'Deployment'),
        'prod',
      ),
      [failsDeployments],
      [],
      TODAY,
    );
    expect(report.findings).toEqual([]);
  });

  it('excuses a finding covered by an exception, including "*" parts', () => {
    const report = evaluateManifests(
      prodWeb,
      [failsDeployments],
      [exception({ object: '*/api/Deployment/*' })],
      TODAY,
    );
    expect(report.violations).toEqual([]);
    expect(report.excused).toHaveLength(1);
    expect(report.unusedExceptions).toEqual([]);
  });

  it('keeps applying an exception on its expiry day', () => {
    const report = evaluateManifests(prodWeb, [failsDeployments], [exception({ expires: TODAY })], TODAY);
    expect(report.violations).toEqual([]);
    expect(report.exceptionProblems).toEqual([]);
  });

  it('fails when an exception has expired, naming rule, object and date, and stops excusing', () => {
    const report = evaluateManifests(
      prodWeb,
      [failsDeployments],
      [exception({ expires: '2025-05-31' })],
      TODAY,
    );
    expect(report.violations).toHaveLength(1);
    expect(report.exceptionProblems).toEqual([
      'exception for rule "fails-deployments" at "prod/api/Deployment/web" expired on 2025-05-31: fix the finding or' +
        ' renew the exception with a new expiry (reason given: "accepted for the test")',
    ]);
    expect(report.unusedExceptions).toEqual([]);
  });

  it('fails when an exception matches no finding', () => {
    const report = evaluateManifests(
      prodWeb,
      [failsDeployments],
      [exception({ object: 'staging/api/Deployment/web' })],
      TODAY,
    );
    expect(report.unusedExceptions).toEqual([
      'exception for rule "fails-deployments" at "staging/api/Deployment/web" matches no failed finding: remove it',
    ]);
  });

  it('fails when an exception names an unknown rule or a malformed object', () => {
    const report = evaluateManifests(
      prodWeb,
      [failsDeployments],
      [exception({ rule: 'no-such-rule', object: 'prod/Deployment/web' })],
      TODAY,
    );
    expect(report.exceptionProblems).toEqual([
      'exception for rule "no-such-rule" at "prod/Deployment/web" names an unknown rule: the rules are listed in test/policy/k8s/rules/index.ts',
      'exception for rule "no-such-rule" at "prod/Deployment/web" has a malformed address: expected "<env>/<namespace>/<Kind>/<name>"',
    ]);
  });

  it('does not let an exception for one rule excuse another', () => {
    const other: PolicyRule = { ...failsDeployments, id: 'other-rule' };
    const report = evaluateManifests(prodWeb, [failsDeployments, other], [exception()], TODAY);
    expect(report.violations.map((finding) => finding.rule)).toEqual(['other-rule']);
  });

  it('turns a rule that throws into a failed finding instead of a pass', () => {
    const throws: PolicyRule = {
      ...failsDeployments,
      check: () => {
        throw new Error('unexpected shape');
      },
    };
    expect(findFailures(prodWeb, [throws]).map((finding) => finding.message)).toEqual([
      'rule could not evaluate the object: unexpected shape',
    ]);
  });

  it('shows each rule only the objects of the same environment', () => {
    const seen: string[] = [];
    const counts: PolicyRule = {
      ...failsDeployments,
      check: (object, ctx) => {
        seen.push(`${object.env}:${ctx.objects.map((other) => other.env).join(',')}`);
        return [];
      },
    };
    const objects = [
      ...asRendered(compliantApp(), 'prod'),
      ...asRendered(replacing(compliantApp(), deployment()), 'staging'),
    ];
    findFailures(objects, [counts]);
    expect(seen.sort()).toEqual([
      `prod:${Array(9).fill('prod').join(',')}`,
      `staging:${Array(9).fill('staging').join(',')}`,
    ]);
  });
});
