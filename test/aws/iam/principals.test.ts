// A: for every principal, the requests it must be allowed and the requests it must be denied, each simulated
// with @cloud-copilot/iam-simulate against the policies rendered under deploy/<env>/terraform. Each row cites the
// document it encodes (tables/).
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../../environments';
import { environments } from '../synthesized';
import { renderedIam } from './rendered-iam';
import { simulate } from './simulator';
import { principalTables } from './tables';

describe.each(environments)('%s', (envName) => {
  const env = loadEnvironment(envName);
  const iam = renderedIam(envName);
  const tables = principalTables.filter((table) => table.appliesTo?.(env) ?? true);

  describe.each(tables.map((table) => [table.principal, table] as const))('%s', (_principal, table) => {
    const rows = table.rows(iam, env);

    it('has requests it must be allowed and requests it must be denied', () => {
      expect(rows.filter((row) => row.expect === 'allow').length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.expect === 'deny').length).toBeGreaterThan(0);
      for (const row of rows) expect(row.source, row.says).toMatch(/https:\/\/\S+/);
    });

    it.each(rows.map((row) => [`${row.expect}: ${row.says}`, row] as const))('%s', async (_says, row) => {
      const decision = await simulate(
        row.as ? { principal: row.as } : table.caller(iam, env),
        { action: row.action, resource: row.resource, accountId: env.aws.accountId, context: row.context },
        row.against,
      );
      if (row.expect === 'allow') expect(decision, `${row.action} ${row.resource}`).toBe('Allowed');
      else expect(decision, `${row.action} ${row.resource}`).not.toBe('Allowed');
    });
  });
});
