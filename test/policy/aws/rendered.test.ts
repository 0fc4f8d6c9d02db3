// The committed tree under deploy/ against every AWS rule. This fails while no stack has been rendered, on
// purpose: an empty tree would otherwise pass every rule.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRenderedTree } from './check-rendered-tree';

const DEPLOY_DIR = resolve(__dirname, '../../../deploy');

describe('rendered AWS stacks (deploy/*/terraform/*/cdk.tf.json)', () => {
  it('pass every AWS rule, apart from findings with a valid exception', () => {
    const report = checkRenderedTree(DEPLOY_DIR);
    expect(report.problems, `${report.problems.length} problems in ${report.stackCount} stacks`).toEqual([]);
  });
});
