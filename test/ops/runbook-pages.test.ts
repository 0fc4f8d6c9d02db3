// docs/runbooks: one page per operations command, starting with the command to run, and the on-call page's
// timings equal to the model's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../scripts/cli/main';
import { environments } from './support/expected';
import { REPOSITORY_ROOT } from './support/ops-harness';

const RUNBOOKS = path.join(REPOSITORY_ROOT, 'docs', 'runbooks');
const OPS_COMMANDS = Object.keys(commands).filter((name) =>
  String(commands[name]!.load).includes('../ops/commands/'),
);

const page = (name: string) => readFileSync(path.join(RUNBOOKS, `${name}.md`), 'utf8');

describe('runbook pages', () => {
  it('exist for every operations command, each of which the CLI has', () => {
    expect(OPS_COMMANDS.filter((name) => commands[name] === undefined)).toEqual([]);
    expect(OPS_COMMANDS.filter((name) => !existsSync(path.join(RUNBOOKS, `${name}.md`)))).toEqual([]);
  });

  it.each(OPS_COMMANDS)('%s.md starts with the command to run', (name) => {
    const [title, blank, fence, first] = page(name).split('\n');
    expect(title).toMatch(new RegExp(`^# ${name}: `));
    expect([blank, fence]).toEqual(['', '```sh']);
    expect(first).toMatch(new RegExp(`^npm run ${name} -- --env `));
  });

  it('the index links every page', () => {
    const index = readFileSync(path.join(RUNBOOKS, 'README.md'), 'utf8');
    for (const name of [...OPS_COMMANDS, 'oncall-escalation']) expect(index).toContain(`](${name}.md)`);
  });

  it.each(environments())('the on-call escalation timings are the model values of $name', (env) => {
    const text = page('oncall-escalation');
    const { oncall } = env;
    for (const [field, value] of Object.entries(oncall)) {
      expect(text).toContain(`\`oncall.${field}\` = ${value}`);
    }
    expect(text).toContain(
      `within ${oncall.p1ResponseMinutes} min to a P1, ${oncall.p2ResponseMinutes} min to a P2`,
    );
    expect(text).toContain(
      `within ${oncall.secondaryEscalationMinutes} min, or the incident has lasted more than ${oncall.longIncidentMinutes} min`,
    );
    expect(text).toContain(`a P2 lasting more than ${oncall.managerP2EscalationHours} h`);
    expect(text).toContain(`scheduled within ${oncall.postIncidentReviewHours} h`);
  });
});
