// The project CLI: `npm run <command> -- [options]` (or `npx skillforge <command>`). Each command module loads
// lazily, so `synth` never pays for the Kubernetes client and `deploy` never for Grafana's SDK.
import { InvalidEnvironmentError } from '../../environments';
import { UsageError } from './args';
import { type Command, type CommandIo, processIo } from './io';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const commands: Readonly<Record<string, CommandEntry>> = {
  synth: { summary: 'render environments into deploy/', load: async () => (await import('./synth')).synth },
  plan: {
    summary: "run `cdktf diff` on an environment's stacks in order",
    load: async () => (await import('./terraform')).plan,
  },
  deploy: {
    summary: "run `cdktf deploy` on an environment's stacks",
    load: async () => (await import('./terraform')).deploy,
  },
  'cdktf-app': {
    summary: '(used by cdktf.json) synthesize $SKILLFORGE_ENV into cdktf.out',
    load: async () => (await import('./cdktf-app')).cdktfApp,
  },
  review: {
    summary: 'synthesized diff of deploy/ against a git ref, gating destructive changes',
    load: async () => (await import('./review')).review,
  },
  bench: { summary: 'measure synth time and memory', load: async () => (await import('./bench')).bench },
};

export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const entry = name === undefined ? undefined : commands[name];
  if (!entry) {
    const given = name === undefined ? 'no command' : `unknown command "${name}"`;
    io.stderr.write(
      `skillforge: ${given}; commands:\n${Object.entries(commands)
        .map(([n, c]) => `  ${n.padEnd(26)}${c.summary}`)
        .join('\n')}\n`,
    );
    return 1;
  }
  try {
    return await (
      await entry.load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidEnvironmentError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
