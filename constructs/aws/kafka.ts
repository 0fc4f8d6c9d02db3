// Amazon MSK for the analytics event stream (runbook §4.5) when the model enables it: brokers spread over the
// zones, TLS between clients and brokers and inside the cluster, encryption at rest with a CMK, IAM client
// authentication only (IRSA; no SCRAM passwords), no public access, and broker logs in CloudWatch.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { mskClusterName } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';

/** MSK places brokers in two or three zones. */
const MAX_ZONES = 3;

export interface KafkaProps {
  readonly env: EnvConfig;
  readonly databaseSubnetIds: readonly string[];
  readonly securityGroupId: string;
  readonly logsKeyArn: string;
}

export class Kafka extends Construct {
  readonly cluster: MskCluster;

  constructor(scope: Construct, id: string, props: KafkaProps) {
    super(scope, id);
    const { env } = props;
    const kafka = env.kafka;
    const name = mskClusterName(env);
    const zones = Math.min(env.aws.availabilityZones.length, MAX_ZONES);
    const key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: 'kafka',
      description: `At-rest encryption of the ${name} MSK cluster`,
    });
    const brokerLogs = new CloudwatchLogGroup(this, 'broker-logs', {
      name: `/aws/msk/${name}/brokers`,
      retentionInDays: kafka.logRetentionDays,
      kmsKeyId: props.logsKeyArn,
    });
    this.cluster = new MskCluster(this, 'cluster', {
      clusterName: name,
      kafkaVersion: kafka.kafkaVersion,
      numberOfBrokerNodes: kafka.brokersPerAz * zones,
      brokerNodeGroupInfo: {
        instanceType: kafka.brokerInstanceType,
        clientSubnets: props.databaseSubnetIds.slice(0, zones),
        securityGroups: [props.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize: kafka.volumeSizeGb } },
        connectivityInfo: { publicAccess: { type: 'DISABLED' } },
      },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: key.arn,
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: brokerLogs.name } } },
      lifecycle: { preventDestroy: true },
    });
  }
}
