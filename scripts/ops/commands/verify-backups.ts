// verify-backups: the monthly restore drill (runbook §3.3). Restores the latest automated snapshot of the
// environment's RDS instance into a throwaway instance (the drill class from the model, the database subnets, no
// public access), runs the integrity checks, records how long the restore took against the RTO, and deletes the
// instance again, whatever happened in between.
import { Client } from 'pg';
import type { EnvConfig } from '../../../environments';
import {
  dataStoreSecretPath,
  postgresIdentifier,
  resourcePrefix,
  secretName,
} from '../../../constructs/contracts';
import { aws, awsValue, tags } from '../aws/cli';
import { APP_DATABASE } from '../aws/postgres';
import { checkRestoredDatabase, CHECKSUM_SQL, countSql, KEY_TABLES } from '../backups/integrity';
import type { OpsCommandDefinition } from '../runner/command';
import { opsCommand } from '../runner/command';
import { type Step, type StepContext, succeeded } from '../runner/procedure';
import { command, comment, joined, variable, words } from '../runner/shell';
import { minutesBetween, nameStamp } from '../runner/time';
import { defaultDataDir, readDataset } from '../seed-onet-data';

// The AWS CLI waiter gives up after 30 minutes; a slow restore is still a result to record, so the drill keeps
// waiting up to three RTOs before calling the restore failed.
const WAIT_RTO_MULTIPLE = 3;

export const verifyBackupsDefinition: OpsCommandDefinition = {
  name: 'verify-backups',
  build({ invocation, deps }) {
    const { env } = invocation;
    const drill = `${resourcePrefix(env)}-restore-drill-${nameStamp(deps.now())}`;
    const timing: { started?: Date; minutes?: number } = {};
    const source = postgresIdentifier(env);
    const steps: Step[] = [
      {
        name: 'find-latest-snapshot',
        changes: false,
        lines: [
          awsValue(
            env,
            'SNAPSHOT_ID',
            'rds',
            'describe-db-snapshots',
            ['--db-instance-identifier', source, '--snapshot-type', 'automated'],
            'reverse(sort_by(DBSnapshots, &SnapshotCreateTime))[0].DBSnapshotIdentifier',
          ),
        ],
      },
      {
        name: 'read-source-placement',
        changes: false,
        lines: [
          ['DB_SUBNET_GROUP', 'DBInstances[0].DBSubnetGroup.DBSubnetGroupName'],
          ['SECURITY_GROUP_IDS', 'DBInstances[0].VpcSecurityGroups[].VpcSecurityGroupId'],
          ['DB_PARAMETER_GROUP', 'DBInstances[0].DBParameterGroups[0].DBParameterGroupName'],
        ].map(([name, query]) =>
          awsValue(env, name!, 'rds', 'describe-db-instances', ['--db-instance-identifier', source], query!),
        ),
      },
      {
        name: 'restore-drill-instance',
        changes: true,
        lines: [restoreLine(env, drill)],
        async run(ctx) {
          timing.started = ctx.deps.now();
          await ctx.exec(restoreLine(env, drill));
        },
      },
      {
        name: 'wait-drill-available',
        changes: false,
        lines: [waitAvailableLine(env, drill)],
        async run(ctx) {
          await waitAvailable(ctx, drill);
          timing.minutes = minutesBetween(timing.started ?? ctx.deps.now(), ctx.deps.now());
          ctx.log('drill.restored', {
            instance: drill,
            minutes: round(timing.minutes),
            rtoMinutes: env.slo.rtoMinutes,
          });
        },
      },
      {
        name: 'read-drill-endpoint',
        changes: false,
        lines: [
          awsValue(
            env,
            'DRILL_HOST',
            'rds',
            'describe-db-instances',
            ['--db-instance-identifier', drill],
            'DBInstances[0].Endpoint.Address',
          ),
          awsValue(
            env,
            'DB_SECRET',
            'secretsmanager',
            'get-secret-value',
            ['--secret-id', secretName(env, dataStoreSecretPath.postgres!)],
            'SecretString',
            { secret: true },
          ),
        ],
      },
      {
        name: 'integrity-checks',
        changes: false,
        lines: [
          comment('DB_USER and PGPASSWORD are the username and password fields of $DB_SECRET'),
          ...['SELECT 1', ...KEY_TABLES.map(countSql), CHECKSUM_SQL.occupations, CHECKSUM_SQL.skills].map(
            (sql) =>
              command([
                'psql',
                joined(
                  'host=',
                  variable('DRILL_HOST'),
                  ` port=5432 dbname=${APP_DATABASE} sslmode=verify-full`,
                ),
                '--username',
                variable('DB_USER'),
                '-c',
                sql,
              ]),
          ),
        ],
        run: (ctx) => integrityChecks(ctx),
      },
      {
        name: 'check-rto',
        changes: false,
        lines: [
          comment(
            `the restore (restore call until available) must take at most slo.rtoMinutes = ${env.slo.rtoMinutes} min`,
          ),
        ],
        async run(ctx) {
          const minutes = round(timing.minutes ?? Number.NaN);
          const within = minutes <= env.slo.rtoMinutes;
          ctx.log('drill.recorded', {
            instance: drill,
            restoreMinutes: minutes,
            rtoMinutes: env.slo.rtoMinutes,
            withinRto: within,
          });
          ctx.print(
            `restore took ${minutes} min; RTO ${env.slo.rtoMinutes} min: ${within ? 'within' : 'EXCEEDED'}`,
          );
          if (!within)
            throw new Error(`the restore took ${minutes} min, over the ${env.slo.rtoMinutes}-minute RTO`);
        },
      },
      {
        name: 'delete-drill-instance',
        changes: true,
        when: 'always',
        condition: succeeded('restore-drill-instance'),
        lines: [
          deleteLine(env, drill),
          aws(env, 'rds', 'wait', 'db-instance-deleted', '--db-instance-identifier', drill),
        ],
        async run(ctx) {
          // A restore that failed half-way can leave the instance still creating, which refuses deletion.
          await waitAvailable(ctx, drill).catch((error: unknown) =>
            ctx.log('drill.not_available', { error }, 'warn'),
          );
          await ctx.exec(deleteLine(env, drill));
          await ctx.exec(aws(env, 'rds', 'wait', 'db-instance-deleted', '--db-instance-identifier', drill));
        },
      },
    ];
    return { steps };
  },
};

export const verifyBackups = opsCommand(verifyBackupsDefinition);

const restoreLine = (env: EnvConfig, drill: string) =>
  aws(
    env,
    'rds',
    'restore-db-instance-from-db-snapshot',
    '--db-instance-identifier',
    drill,
    '--db-snapshot-identifier',
    variable('SNAPSHOT_ID'),
    '--db-instance-class',
    env.backups.restoreDrillInstanceClass,
    '--db-subnet-group-name',
    variable('DB_SUBNET_GROUP'),
    '--vpc-security-group-ids',
    words('SECURITY_GROUP_IDS'),
    '--db-parameter-group-name',
    variable('DB_PARAMETER_GROUP'),
    '--no-publicly-accessible',
    '--no-multi-az',
    '--no-deletion-protection',
    '--tags',
    ...tags({ 'skillforge:purpose': 'restore-drill' }),
    '--query',
    'DBInstance.DBInstanceStatus',
    '--output',
    'text',
  );

const waitAvailableLine = (env: EnvConfig, drill: string) =>
  aws(env, 'rds', 'wait', 'db-instance-available', '--db-instance-identifier', drill);

const deleteLine = (env: EnvConfig, drill: string) =>
  aws(
    env,
    'rds',
    'delete-db-instance',
    '--db-instance-identifier',
    drill,
    '--skip-final-snapshot',
    '--delete-automated-backups',
    '--query',
    'DBInstance.DBInstanceStatus',
    '--output',
    'text',
  );

async function waitAvailable(ctx: StepContext, drill: string): Promise<void> {
  const deadline = ctx.deps.now().getTime() + WAIT_RTO_MULTIPLE * ctx.env.slo.rtoMinutes * 60_000;
  for (;;) {
    try {
      await ctx.exec(waitAvailableLine(ctx.env, drill));
      return;
    } catch (error) {
      const gaveUp = error instanceof Error && error.message.includes('Max attempts exceeded');
      if (!gaveUp || ctx.deps.now().getTime() >= deadline) throw error;
      ctx.log('drill.still_restoring', { instance: drill });
    }
  }
}

async function integrityChecks(ctx: StepContext): Promise<void> {
  const secret = JSON.parse(ctx.vars.get('DB_SECRET') ?? '{}') as {
    username?: string;
    password?: string;
    dbname?: string;
  };
  if (secret.username === undefined || secret.password === undefined) {
    throw new Error('the postgres secret has no username/password fields');
  }
  // TLS is verified against Node's trust store plus NODE_EXTRA_CA_CERTS (the RDS CA bundle): these are
  // production credentials, so an unverified server is not an option.
  const client = new Client({
    host: ctx.vars.get('DRILL_HOST'),
    port: 5432,
    database: secret.dbname ?? APP_DATABASE,
    user: secret.username,
    password: secret.password,
    ssl: { rejectUnauthorized: true },
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    const checks = await checkRestoredDatabase(client, await readDataset(defaultDataDir()));
    for (const check of checks) {
      ctx.log('drill.check', { ...check }, check.ok ? 'info' : 'error');
      ctx.print(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    }
    const failed = checks.filter((check) => !check.ok).map((check) => check.name);
    if (failed.length > 0) throw new Error(`integrity checks failed: ${failed.join(', ')}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const round = (minutes: number): number => Math.round(minutes * 10) / 10;
