// `npm run bench`: synth wall time and peak memory, as ratios against loading cdktf + cdk8s-plus-27 in bare node
// (timings are noisy on shared machines; ratios within one run are what the budget is stated in).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../../environments';
import { renderEnvironments } from '../render/synthesize';
import { parseOptions } from './args';
import { scaledRegistry } from './bench-scale';
import type { Command } from './io';
import { repoRoot } from './paths';

interface Sample {
  readonly seconds: number;
  readonly peakRssMiB: number;
}

export const bench: Command = async (argv, io) => {
  const options = parseOptions('bench', argv, {
    runs: { type: 'string', value: '<n>', description: 'repetitions per measurement (default 3)' },
    'scale-only': {
      type: 'boolean',
      description: '(internal) render the synthetic scale case in this process',
    },
  });
  if (options['scale-only']) return renderScaleCase(io);
  const runs = Number(options.runs ?? 3);
  const root = repoRoot();
  const baseline = median(runs, () => measure(['-e', "require('cdktf');require('cdk8s-plus-27')"], root));
  measure([join(root, 'scripts/bin/skillforge.cjs'), 'synth'], root); // warm: builds dist/ if needed
  const synthNode = median(runs, () => measure([join(root, 'scripts/bin/skillforge.cjs'), 'synth'], root));
  const synthNpm = median(runs, () => timeCommand('npm', ['run', '--silent', 'synth'], root));
  const rendering = median(runs, () =>
    measure([join(root, 'scripts/bin/skillforge.cjs'), 'synth', '--force'], root),
  );
  const scale = measure([join(root, 'scripts/bin/skillforge.cjs'), 'bench', '--scale-only'], root);
  const ratio = (seconds: number) => `${(seconds / baseline.seconds).toFixed(2)}x`;
  const lines = [
    `baseline  node -e require(cdktf, cdk8s-plus-27): ${format(baseline)}`,
    `synth     \`npm run synth\`, nothing changed: ${synthNpm.toFixed(2)} s, ratio ${ratio(synthNpm)} (budget ≤ 3x)`,
    `synth     all environments, nothing changed (node): ${format(synthNode)}, ratio ${ratio(synthNode.seconds)} (budget ≤ 250 MiB)`,
    `render    all environments, \`synth --force\` (node): ${format(rendering)}, ratio ${ratio(rendering.seconds)}`,
    `scale     10 environments x 30 services, in memory: ${format(scale)}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  const { measureSeed, formatSeedBench } = await import('../ops/bench-seed');
  io.stdout.write(`${formatSeedBench(await measureSeed())}\n`);
  return 0;
};

async function renderScaleCase(io: Parameters<Command>[1]): Promise<number> {
  const registry = loadRegistry(scaledRegistry(10, 30));
  const rendered = await renderEnvironments([...registry.values()], registry);
  const files = [...rendered.values()].reduce((sum, list) => sum + list.length, 0);
  io.stdout.write(`${files} files\n`);
  return 0;
}

function measure(args: readonly string[], cwd: string): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'skillforge-bench-'));
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['--require', join(repoRoot(), 'scripts/bin/report-rss.cjs'), ...args],
    {
      cwd,
      env: { ...process.env, SKILLFORGE_RSS_FILE: rssFile },
      encoding: 'utf8',
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} failed:\n${result.stderr}`);
  const peakRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(dir, { recursive: true });
  return { seconds, peakRssMiB };
}

function timeCommand(command: string, args: readonly string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median<T extends Sample | number>(runs: number, sample: () => T): T {
  const samples = Array.from({ length: runs }, sample);
  const key = (s: T) => (typeof s === 'number' ? s : s.seconds);
  return samples.sort((a, b) => key(a) - key(b))[Math.floor(samples.length / 2)]!;
}

const format = (sample: Sample): string =>
  `${sample.seconds.toFixed(2)} s, peak RSS ${sample.peakRssMiB.toFixed(0)} MiB`;
