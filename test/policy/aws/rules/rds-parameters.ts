// RDS for PostgreSQL settings that live in the attached aws_db_parameter_group (checkov graph checks).
import { failed, passed, skipped } from '../expect';
import { change, fixture } from '../fixtures';
import type { Attributes, CheckResult, Resource, Rule, RuleContext } from '../types';
import { asNumber, blocks, isToken, lookup, show } from '../values';
import { compliantDbInstance, compliantParameterGroup, dbStack } from './rds';

type GroupLookup = { readonly group: Resource } | { readonly problem: CheckResult };

/** The parameter group an instance uses: by reference, or by a literal name that a group of the stack carries. */
function attachedParameterGroup(instance: Resource, ctx: RuleContext): GroupLookup {
  const name = lookup(instance.values, 'parameter_group_name');
  if (name.kind === 'missing') {
    return {
      problem: failed('parameter_group_name is not set: the default parameter group cannot be reviewed here'),
    };
  }
  if (name.kind === 'token') {
    const referenced = ctx.resolve(name.text);
    if (referenced?.type === 'aws_db_parameter_group') return { group: referenced };
    return {
      problem: failed(`parameter_group_name ${name.text} is not an aws_db_parameter_group of this stack`),
    };
  }
  const byName = ctx.resourcesOfType('aws_db_parameter_group').find((g) => g.values['name'] === name.value);
  if (byName) return { group: byName };
  return {
    problem: failed(
      `parameter_group_name ${show(name.value)} is not an aws_db_parameter_group of this stack`,
    ),
  };
}

function parameterValue(group: Resource, parameter: string): unknown {
  return blocks(group.values['parameter']).find((p) => p['name'] === parameter)?.['value'];
}

/** Runs `judge` on the instance's parameter group, for PostgreSQL engines only (the parameters are PostgreSQL's). */
function onPostgresParameterGroup(judge: (group: Resource) => CheckResult) {
  return (instance: Resource, ctx: RuleContext): CheckResult => {
    const engine = lookup(instance.values, 'engine');
    if (engine.kind === 'value' && typeof engine.value === 'string' && !engine.value.startsWith('postgres')) {
      return skipped(`engine ${show(engine.value)} is not PostgreSQL`);
    }
    const found = attachedParameterGroup(instance, ctx);
    return 'problem' in found ? found.problem : judge(found.group);
  };
}

function withParameters(parameters: readonly Attributes[]): Attributes {
  return change(compliantParameterGroup, { parameter: parameters });
}

const compliant = [
  fixture('instance with a hardened PostgreSQL parameter group', dbStack(compliantDbInstance)),
];

export const rdsParameterRules: readonly Rule[] = [
  {
    id: 'rds-postgres-force-ssl',
    checkIds: ['CKV2_AWS_69'],
    resourceTypes: ['aws_db_instance'],
    severity: 'high',
    description:
      'The attached PostgreSQL parameter group sets rds.force_ssl = 1, so clients cannot connect without TLS.',
    check: onPostgresParameterGroup((group) => {
      const value = parameterValue(group, 'rds.force_ssl');
      if (value === undefined) return failed(`${group.address} does not set rds.force_ssl (expected 1)`);
      if (isToken(value))
        return failed(`${group.address} sets rds.force_ssl to the unresolved token ${value}`);
      return asNumber(value) === 1
        ? passed(`${group.address} sets rds.force_ssl = 1`)
        : failed(`${group.address} sets rds.force_ssl = ${show(value)} (expected 1)`);
    }),
    good: [
      ...compliant,
      fixture('group attached by its literal name', {
        ...dbStack(change(compliantDbInstance, { parameter_group_name: 'skillforge-prod-postgres16' })),
      }),
    ],
    bad: [
      fixture(
        'rds.force_ssl = 0',
        dbStack(compliantDbInstance, withParameters([{ name: 'rds.force_ssl', value: '0' }])),
      ),
      fixture('rds.force_ssl not set', dbStack(compliantDbInstance, withParameters([]))),
      fixture(
        'default parameter group',
        dbStack(change(compliantDbInstance, { parameter_group_name: undefined })),
      ),
      fixture(
        'group name not in the stack',
        dbStack(change(compliantDbInstance, { parameter_group_name: 'default.postgres16' })),
      ),
    ],
  },
  {
    id: 'rds-postgres-query-logging',
    checkIds: ['CKV2_AWS_30'],
    resourceTypes: ['aws_db_instance'],
    severity: 'medium',
    description:
      'The attached PostgreSQL parameter group sets log_statement and log_min_duration_statement, so DDL and ' +
      'slow queries reach the exported postgresql log.',
    check: onPostgresParameterGroup((group) => {
      const missing = ['log_statement', 'log_min_duration_statement'].filter(
        (p) => parameterValue(group, p) === undefined,
      );
      return missing.length === 0
        ? passed(`${group.address} sets log_statement and log_min_duration_statement`)
        : failed(`${group.address} does not set ${missing.join(' and ')}`);
    }),
    good: compliant,
    bad: [
      fixture(
        'no query logging parameters',
        dbStack(compliantDbInstance, withParameters([{ name: 'rds.force_ssl', value: '1' }])),
      ),
      fixture(
        'slow-query threshold missing',
        dbStack(compliantDbInstance, withParameters([{ name: 'log_statement', value: 'ddl' }])),
      ),
    ],
  },
];
