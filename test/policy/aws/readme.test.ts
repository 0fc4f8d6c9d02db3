// The README's rule table must match the catalogue. To regenerate it after adding or changing a rule:
//   UPDATE_POLICY_README=1 npx vitest run test/policy/aws/readme.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleTable, withRuleTable } from './readme-table';
import { awsRules } from './rules';

const README = resolve(__dirname, 'README.md');

describe('test/policy/aws/README.md', () => {
  it('lists every rule with its check ids, severity and resource types', () => {
    const current = readFileSync(README, 'utf8');
    const expected = withRuleTable(current, renderRuleTable(awsRules));
    if (process.env['UPDATE_POLICY_README'] === '1' && current !== expected) writeFileSync(README, expected);
    else
      expect(
        current,
        'rule table is stale: run UPDATE_POLICY_README=1 npx vitest run test/policy/aws/readme.test.ts',
      ).toBe(expected);
  });
});
