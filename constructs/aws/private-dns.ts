// The private zone of constructs/contracts naming (`internal.<public zone>`): stable names for the managed data
// stores, so manifests and ConfigMaps carry dataStoreHost(env, store) and never a deployed endpoint.
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Construct } from 'constructs';
import type { DataStore, EnvConfig } from '../../environments';
import { dataStoreHost, postgresReadHost, privateZone } from '../contracts';

/** Short TTL so a failover or a replaced endpoint is picked up within a minute. */
const TTL_SECONDS = 60;

export interface PrivateDnsProps {
  readonly env: EnvConfig;
  readonly vpcId: string;
  /** Endpoint host of each managed store (no port). */
  readonly endpoints: Readonly<Partial<Record<DataStore, string>>>;
  /** Read replicas' addresses; the read name falls back to the primary when empty. */
  readonly readReplicaHosts: readonly string[];
}

export class PrivateDns extends Construct {
  readonly zone: Route53Zone;

  constructor(scope: Construct, id: string, props: PrivateDnsProps) {
    super(scope, id);
    const { env } = props;
    this.zone = new Route53Zone(this, 'zone', {
      name: privateZone(env),
      comment: `Data-store endpoints of ${env.name}, resolvable inside the VPC only`,
      vpc: [{ vpcId: props.vpcId }],
      forceDestroy: false,
    });
    for (const [store, host] of Object.entries(props.endpoints) as [DataStore, string][]) {
      new Route53Record(this, store, {
        zoneId: this.zone.zoneId,
        name: dataStoreHost(env, store),
        type: 'CNAME',
        ttl: TTL_SECONDS,
        records: [host],
      });
    }
    const postgres = props.endpoints.postgres;
    if (props.readReplicaHosts.length === 0 && postgres !== undefined) {
      new Route53Record(this, 'postgres-read', {
        zoneId: this.zone.zoneId,
        name: postgresReadHost(env),
        type: 'CNAME',
        ttl: TTL_SECONDS,
        records: [postgres],
      });
    }
    props.readReplicaHosts.forEach((host, index) => {
      new Route53Record(this, `postgres-read-${index + 1}`, {
        zoneId: this.zone.zoneId,
        name: postgresReadHost(env),
        type: 'CNAME',
        ttl: TTL_SECONDS,
        records: [host],
        setIdentifier: `replica-${index + 1}`,
        weightedRoutingPolicy: { weight: 1 },
      });
    });
  }
}
