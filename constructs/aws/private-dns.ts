// The private zone of constructs/contracts naming (`internal.<public zone>`): stable names for PostgreSQL — the
// primary and the weighted read name over the replicas — so manifests carry dataStoreHost/postgresReadHost and
// never a deployed endpoint. Redis, OpenSearch and MSK publish their native endpoints instead (store-endpoints.ts).
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { dataStoreHost, postgresReadHost, privateZone } from '../contracts';

/** Short TTL so a failover or a replaced endpoint is picked up within a minute. */
const TTL_SECONDS = 60;

export interface PrivateDnsProps {
  readonly env: EnvConfig;
  readonly vpcId: string;
  /** The PostgreSQL primary's address (managed Redis, OpenSearch and MSK publish native endpoints instead). */
  readonly primaryHost: string;
  /** Read replicas (identifier and address); the read name falls back to the primary when empty. */
  readonly readReplicas: readonly { readonly identifier: string; readonly address: string }[];
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
    new Route53Record(this, 'postgres', {
      zoneId: this.zone.zoneId,
      name: dataStoreHost(env, 'postgres'),
      type: 'CNAME',
      ttl: TTL_SECONDS,
      records: [props.primaryHost],
    });
    if (props.readReplicas.length === 0) {
      new Route53Record(this, 'postgres-read', {
        zoneId: this.zone.zoneId,
        name: postgresReadHost(env),
        type: 'CNAME',
        ttl: TTL_SECONDS,
        records: [props.primaryHost],
      });
    }
    props.readReplicas.forEach((replica, index) => {
      const healthCheck = this.replicaHealthCheck(env, `postgres-read-${index + 1}`, replica.identifier);
      new Route53Record(this, `postgres-read-${index + 1}`, {
        zoneId: this.zone.zoneId,
        name: postgresReadHost(env),
        type: 'CNAME',
        ttl: TTL_SECONDS,
        records: [replica.address],
        setIdentifier: `replica-${index + 1}`,
        weightedRoutingPolicy: { weight: 1 },
        // A lagging or missing replica leaves the rotation; if all are unhealthy Route 53 answers with all of them.
        healthCheckId: healthCheck.id,
      });
    });
  }

  /**
   * Route 53 cannot probe private addresses, so a replica's health is a CloudWatch alarm on its ReplicaLag (Route 53
   * developer guide, "Monitoring a CloudWatch alarm"; records in private zones support only this kind): unhealthy
   * above the model's replication-lag threshold, or when the replica stops reporting.
   */
  private replicaHealthCheck(env: EnvConfig, id: string, identifier: string): Route53HealthCheck {
    const lag = env.alerts.replicationLag;
    const alarm = new CloudwatchMetricAlarm(this, `${id}-lag-alarm`, {
      alarmName: `${identifier}-replica-lag`,
      alarmDescription: `Read replica ${identifier} lags more than ${lag.maxSeconds} s (leaves the read rotation)`,
      namespace: 'AWS/RDS',
      metricName: 'ReplicaLag',
      dimensions: { DBInstanceIdentifier: identifier },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 2,
      threshold: lag.maxSeconds,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'breaching',
    });
    return new Route53HealthCheck(this, `${id}-health`, {
      type: 'CLOUDWATCH_METRIC',
      cloudwatchAlarmName: alarm.alarmName,
      cloudwatchAlarmRegion: env.aws.region,
      insufficientDataHealthStatus: 'LastKnownStatus',
      tags: { Name: `${identifier}-read-rotation` },
    });
  }
}
