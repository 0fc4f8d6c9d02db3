// The native endpoints of the managed Redis, OpenSearch and MSK, published where the workloads read them: one
// Secrets Manager secret per store (storeEndpoint's `published` kind, constructs/contracts/endpoints.ts). TLS
// clients must dial the name on the store's certificate, which AWS chooses at create time, so no name computed
// while rendering can stand in for it. The values are addresses, not credentials: they never rotate.
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { DataStore, EnvConfig } from '../../environments';
import { storeEndpoint } from '../contracts';

export type PublishedStore = Exclude<DataStore, 'postgres'>;

export interface StoreEndpointsProps {
  readonly env: EnvConfig;
  /** The application secrets key (AppSecrets): workloads decrypt through Secrets Manager. */
  readonly keyArn: string;
  /** The endpoint of each managed store: host for Redis and OpenSearch, every broker for MSK. */
  readonly endpoints: Readonly<Partial<Record<PublishedStore, string>>>;
}

export class StoreEndpoints extends Construct {
  constructor(scope: Construct, id: string, props: StoreEndpointsProps) {
    super(scope, id);
    const { env } = props;
    for (const [store, address] of Object.entries(props.endpoints) as [PublishedStore, string][]) {
      const endpoint = storeEndpoint(env, store);
      if (endpoint.kind !== 'published') throw new Error(`${env.name}: ${store} has no published endpoint`);
      const secret = new SecretsmanagerSecret(this, store, {
        name: endpoint.secret,
        description: `Native endpoint of ${store} (written by Terraform; an address, not a credential)`,
        kmsKeyId: props.keyArn,
        recoveryWindowInDays: env.secrets.recoveryWindowDays,
      });
      new SecretsmanagerSecretVersion(this, `${store}-value`, {
        secretId: secret.id,
        secretString: Fn.jsonencode(
          store === 'kafka'
            ? { bootstrapBrokers: address, port: endpoint.port }
            : { host: address, port: endpoint.port },
        ),
      });
    }
  }
}
