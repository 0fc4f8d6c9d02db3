// The Lambda entry point of the PostgreSQL rotation function: the AWS SDK of the Lambda Node.js runtime talks to
// Secrets Manager through the VPC endpoint (SECRETS_MANAGER_ENDPOINT), and PostgreSQL is reached over TLS with the
// RDS CA bundle the runtime ships (RDS enforces TLS). Everything else is rotate() in postgres-rotation.ts.
import { rotate, type RotationEvent, type SecretsApi } from './postgres-rotation';

interface SecretsManagerClient {
  send(command: unknown): Promise<Record<string, unknown>>;
}

type SdkModule = Record<string, new (input: Record<string, unknown>) => unknown> & {
  SecretsManagerClient: new (config: Record<string, unknown>) => SecretsManagerClient;
};

// Provided by the nodejs22.x runtime; not bundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('@aws-sdk/client-secrets-manager') as SdkModule;

function secretsApi(client: SecretsManagerClient): SecretsApi {
  const call = (name: string, input: Record<string, unknown>) =>
    client.send(new sdk[`${name}Command`]!(input));
  return {
    describeSecret: async (id) => (await call('DescribeSecret', { SecretId: id })) as never,
    getSecretValue: async (id, stage, versionId) =>
      (await call('GetSecretValue', { SecretId: id, VersionStage: stage, VersionId: versionId })) as never,
    putSecretValue: async (id, token, value, stages) => {
      await call('PutSecretValue', {
        SecretId: id,
        ClientRequestToken: token,
        SecretString: value,
        VersionStages: stages,
      });
    },
    updateSecretVersionStage: async (id, stage, moveTo, removeFrom) => {
      await call('UpdateSecretVersionStage', {
        SecretId: id,
        VersionStage: stage,
        MoveToVersionId: moveTo,
        RemoveFromVersionId: removeFrom,
      });
    },
  };
}

const client = new sdk.SecretsManagerClient({ endpoint: process.env['SECRETS_MANAGER_ENDPOINT'] });

export async function handler(event: RotationEvent): Promise<void> {
  await rotate(event, { secrets: secretsApi(client), ssl: { rejectUnauthorized: true } });
}
