// B1: PostgreSQL rotation no longer goes through the Serverless Application Repository (whose CloudFormation stack
// creates a serverlessrepo-… role the bounded deploy role may not create): Terraform names and creates the role
// and the function. The function's four steps run here against a real PostgreSQL with an in-memory Secrets Manager.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsBoundaryArn } from '../../constructs/contracts';
import { POSTGRES_ROTATION_BUNDLE } from '../../constructs/aws/lambda/postgres-rotation.bundle';
import {
  alternateUser,
  rotate,
  type RotationEvent,
  type SecretsApi,
} from '../../constructs/aws/lambda/postgres-rotation';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { env, environments, resource, resources, stack } from './synthesized';

const root = join(__dirname, '..', '..');

describe('rotation function in Terraform (B1)', () => {
  it.each(environments)('%s creates no Serverless Application Repository stack', (name) => {
    for (const layer of ['data', 'cluster', 'ci', 'network', 'edge']) {
      expect(resources(name, layer, 'aws_serverlessapplicationrepository_cloudformation_stack')).toEqual({});
    }
  });

  it.each(environments)('%s rotates the application secret with a Terraform-named, bounded role', (name) => {
    const role = resource(name, 'data', 'aws_iam_role', 'secrets_postgres-rotation_role');
    expect(role).toMatchObject({
      name: `skillforge-${name}-postgres-rotation`,
      permissions_boundary: permissionsBoundaryArn(env(name)),
    });
    expect(resource(name, 'data', 'aws_lambda_function', 'secrets_postgres-rotation_function')).toMatchObject(
      {
        function_name: `skillforge-${name}-postgres-rotation`,
        role: '${aws_iam_role.secrets_postgres-rotation_role.arn}',
        runtime: 'nodejs22.x',
        vpc_config: { security_group_ids: ['${aws_security_group.secret-rotation-security-group.id}'] },
      },
    );
    expect(resources(name, 'data', 'aws_secretsmanager_secret_rotation')).toEqual({
      'secrets_postgres-app-rotation': expect.objectContaining({
        rotation_lambda_arn: '${aws_lambda_function.secrets_postgres-rotation_function.arn}',
        rotation_rules: { automatically_after_days: env(name).secrets.rotationDays },
      }),
    });
  });

  it('zips exactly the committed bundle, escaped so Terraform takes it literally', () => {
    const config = stack('prod', 'data').config as {
      data: Record<string, Record<string, { source: { content: string }[] }>>;
    };
    const content = config.data['archive_file']!['secrets_postgres-rotation_code']!.source[0]!.content;
    expect(content.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(POSTGRES_ROTATION_BUNDLE);
    expect(content).not.toMatch(/(?<!\$)\$\{/);
  });

  it('fails when the committed bundle is stale (run `npm run build:lambda`)', () => {
    const build = createRequire(__filename)(join(root, 'scripts', 'bin', 'build-lambda.cjs')) as {
      moduleText(): string;
      OUT: string;
    };
    expect(readFileSync(build.OUT, 'utf8')).toBe(build.moduleText());
  });
});

/** Secrets Manager's version stages, in memory, as the rotation protocol uses them. */
class MemorySecrets implements SecretsApi {
  readonly versions = new Map<string, { value: string; stages: string[] }>();
  /** Secrets Manager marks a new version AWSPENDING before it calls createSecret with its token. */
  private pending?: string;
  constructor(
    private readonly masterArn: string,
    private readonly master: string,
  ) {}

  begin(token: string): void {
    this.pending = token;
  }
  async describeSecret() {
    const stages = Object.fromEntries([...this.versions].map(([id, v]) => [id, [...v.stages]]));
    if (this.pending && !stages[this.pending]) stages[this.pending] = ['AWSPENDING'];
    return { RotationEnabled: true, VersionIdsToStages: stages };
  }
  async getSecretValue(id: string, stage?: string, versionId?: string) {
    if (id === this.masterArn) return { SecretString: this.master };
    const match = [...this.versions].find(
      ([version, v]) =>
        (versionId === undefined || version === versionId) &&
        (stage === undefined || v.stages.includes(stage)),
    );
    if (!match) throw new Error(`ResourceNotFoundException: ${stage} ${versionId}`);
    return { SecretString: match[1].value };
  }
  async putSecretValue(_id: string, token: string, value: string, stages: string[]) {
    this.versions.set(token, { value, stages });
  }
  async updateSecretVersionStage(_id: string, stage: string, moveTo: string, removeFrom?: string) {
    if (removeFrom) {
      const old = this.versions.get(removeFrom)!;
      old.stages = old.stages.filter((s) => s !== stage).concat('AWSPREVIOUS');
    }
    const next = this.versions.get(moveTo)!;
    next.stages = next.stages.filter((s) => s !== 'AWSPENDING').concat(stage);
  }
  current(): Record<string, unknown> {
    return JSON.parse([...this.versions.values()].find((v) => v.stages.includes('AWSCURRENT'))!.value);
  }
}

describe('alternating-users rotation against PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => server?.stop());

  it('names the other of two users', () => {
    expect(alternateUser('skillforge_app')).toBe('skillforge_app_clone');
    expect(alternateUser('skillforge_app_clone')).toBe('skillforge_app');
  });

  it('creates the clone with the current user as its role, moves AWSCURRENT, then alternates back', async () => {
    const url = new URL(await server.createDatabase('rotation'));
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query("CREATE ROLE skillforge_app WITH LOGIN PASSWORD 'first'");
    const masterArn = 'arn:aws:secretsmanager:eu-west-1:333333333333:secret:rds!db-master';
    const secrets = new MemorySecrets(
      masterArn,
      JSON.stringify({ username: 'postgres', password: 'unused' }),
    );
    const base = { host: url.hostname, port: Number(url.port), dbname: 'rotation', masterarn: masterArn };
    secrets.versions.set('v1', {
      value: JSON.stringify({ ...base, username: 'skillforge_app', password: 'first' }),
      stages: ['AWSCURRENT'],
    });
    const run = async (token: string) => {
      secrets.begin(token);
      for (const Step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
        const event: RotationEvent = {
          SecretId: 'skillforge/prod/postgres/app',
          ClientRequestToken: token,
          Step,
        };
        await rotate(event, { secrets, ssl: false, newPassword: () => `pw-${token}` });
      }
    };
    await run('v2');
    expect(secrets.current()).toMatchObject({ username: 'skillforge_app_clone', password: 'pw-v2' });
    const member = await admin.query(
      "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'skillforge_app' AND u.rolname = 'skillforge_app_clone'",
    );
    expect(member.rowCount).toBe(1);
    await run('v3');
    expect(secrets.current()).toMatchObject({ username: 'skillforge_app', password: 'pw-v3' });
    const login = await admin.query(
      "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'skillforge_app_clone'",
    );
    expect(login.rows).toEqual([{ rolcanlogin: true }]);
    await admin.end();
  }, 60_000);
});
