// `npm run report -- --env <name>` prints the report of an in-memory render and validates --env like every command.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { main } from '../../scripts/cli/main';
import { summaryTable } from '../../scripts/nfr/report-markdown';
import { rendered } from './support';

async function run(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('report command', () => {
  it('prints the environment report exactly as synth renders it', async () => {
    const result = await run(['report', '--env', 'prod']);
    expect(result).toEqual({
      code: 0,
      stdout: (await rendered(loadRegistry().get('prod')!)).markdown,
      stderr: '',
    });
  });

  it('prints only the summary table with --summary', async () => {
    const { report } = await rendered(loadRegistry().get('staging')!);
    expect(await run(['report', '--env', 'staging', '--summary'])).toEqual({
      code: 0,
      stdout: `${summaryTable(report)}\n`,
      stderr: '',
    });
  });

  it('fails when the environment is not registered, naming the valid ones', async () => {
    expect(await run(['report', '--env', 'qa'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'report: --env: got "qa"; expected one of: dev, staging, prod\n',
    });
  });

  it('fails when no environment is given', async () => {
    expect((await run(['report'])).stderr).toBe('report: --env <name> is required\n');
  });
});
