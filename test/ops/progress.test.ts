// Long waits explain themselves: on a terminal a status line says what is awaited and for how long; elsewhere the
// output stays JSON lines, with a wait.progress event each minute.
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../scripts/cli/io';
import { type OpsCommandDefinition, runOps } from '../../scripts/ops/runner/command';
import type { LogRecord } from '../../scripts/ops/runner/log';
import { createProgress, elapsed, type Ticker } from '../../scripts/ops/runner/progress';
import { command } from '../../scripts/ops/runner/shell';
import { FIXED_NOW, REPOSITORY_ROOT, testDeps } from './support/ops-harness';

/** A clock that only moves when the test says, and a ticker the test fires by hand. */
function manualTime() {
  let now = FIXED_NOW.getTime();
  const ticks = new Set<() => void>();
  const ticker: Ticker = (_ms, tick) => {
    ticks.add(tick);
    return () => ticks.delete(tick);
  };
  const pass = (seconds: number) => {
    for (let second = 0; second < seconds; second++) {
      now += 1000;
      ticks.forEach((tick) => tick());
    }
  };
  return { now: () => new Date(now), ticker, pass, active: () => ticks.size };
}

const CLEAR = '\r\x1b[2K';

describe('progress of a wait', () => {
  it('draws what is awaited and the time elapsed on a terminal, and clears it when done', () => {
    const time = manualTime();
    const shown: string[] = [];
    const progress = createProgress({
      now: time.now,
      ticker: time.ticker,
      status: { show: (t) => shown.push(t) },
    });
    const wait = progress.start('aws rds wait db-instance-available', () => undefined);
    time.pass(1);
    expect(shown).toEqual([]);
    time.pass(64);
    wait.done();
    expect(shown.slice(0, 2)).toEqual([
      '… waiting for aws rds wait db-instance-available (2s)',
      '… waiting for aws rds wait db-instance-available (3s)',
    ]);
    expect(shown.at(-2)).toBe('… waiting for aws rds wait db-instance-available (1m 05s)');
    expect(shown.at(-1)).toBe('');
    expect(time.active()).toBe(0);
  });

  it('logs a wait.progress event each minute instead when not on a terminal', () => {
    const time = manualTime();
    const logged: [string, Record<string, unknown> | undefined][] = [];
    const progress = createProgress({ now: time.now, ticker: time.ticker, status: undefined });
    const wait = progress.start('argocd app wait', (event, fields) => logged.push([event, fields]));
    time.pass(150);
    wait.done();
    expect(logged).toEqual([
      ['wait.progress', { waitingFor: 'argocd app wait', elapsedSeconds: 60 }],
      ['wait.progress', { waitingFor: 'argocd app wait', elapsedSeconds: 120 }],
    ]);
  });

  it('writes hours, minutes and seconds the way an operator reads them', () => {
    expect([5, 125, 3725].map(elapsed)).toEqual(['5s', '2m 05s', '1h 02m 05s']);
  });
});

describe('progress in an operations command', () => {
  const definition: OpsCommandDefinition = {
    name: 'wait-for-drill',
    build: () => ({
      steps: [
        {
          name: 'wait-available',
          changes: false,
          lines: [
            command(['aws', 'rds', 'wait', 'db-instance-available', '--db-instance-identifier', 'drill']),
          ],
        },
      ],
    }),
  };

  async function runWaiting(isTTY: boolean, seconds: number): Promise<string> {
    const time = manualTime();
    let stderr = '';
    const io: CommandIo = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text), isTTY },
    };
    // The step reads nothing of the rendered tree.
    const deps = testDeps(`${REPOSITORY_ROOT}/deploy`, {
      now: time.now,
      ticker: time.ticker,
      // The tool takes `seconds` to return, while the clock runs.
      exec: {
        run: async () => {
          time.pass(seconds);
          return { code: 0, stdout: '', stderr: '' };
        },
      },
    });
    expect(await runOps(definition, ['--env', 'dev'], io, deps)).toBe(0);
    return stderr;
  }

  it('shows the awaited command line on a terminal and keeps every log line whole', async () => {
    const stderr = await runWaiting(true, 3);
    const line = 'aws rds wait db-instance-available --db-instance-identifier drill';
    expect(stderr).toContain(`${CLEAR}… waiting for ${line} (3s)`);
    const logLines = stderr
      .split(/\r\x1b\[2K|\n/)
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part) as LogRecord);
    expect(logLines.map((record) => record.event)).toEqual([
      'procedure.started',
      'step.started',
      'command.finished',
      'step.succeeded',
      'procedure.succeeded',
    ]);
  });

  it('stays JSON lines when stderr is not a terminal', async () => {
    const stderr = await runWaiting(false, 61);
    const records = stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LogRecord);
    expect(records.find((record) => record.event === 'wait.progress')).toMatchObject({
      step: 'wait-available',
      fields: {
        waitingFor: 'aws rds wait db-instance-available --db-instance-identifier drill',
        elapsedSeconds: 60,
      },
    });
  });
});
