// CloudWatch log groups (checkov CloudWatchLogGroup*, trivy aws/cloudwatch) and MSK clusters (checkov MSK*, trivy aws/msk).
import { expectAttribute, expectSet, failed, notTrue, oneOf, passed } from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, ref } from '../fixtures';
import type { Attributes, Rule } from '../types';
import { asBoolean, blocks, blocksAt, lookup } from '../values';

const LOG_GROUP = 'aws_cloudwatch_log_group';
const MSK = 'aws_msk_cluster';

/** The values CloudWatch accepts; 0 (never expire) is deliberately absent: every log has a retention decision. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const compliantLogGroup: Attributes = {
  name: '/aws/eks/skillforge-prod/cluster',
  retention_in_days: 90,
  kms_key_id: fixtureKmsKeyArn,
};
const logStack = (group: Attributes) => ({
  aws_kms_key: { data: fixtureKmsKey },
  [LOG_GROUP]: { cluster: group },
});

const compliantMsk: Attributes = {
  cluster_name: 'skillforge-prod-events',
  kafka_version: '3.6.0',
  number_of_broker_nodes: 3,
  broker_node_group_info: {
    instance_type: 'kafka.m7g.large',
    client_subnets: ['subnet-0a1', 'subnet-0b2', 'subnet-0c3'],
    security_groups: ['sg-0kafka'],
    connectivity_info: { public_access: { type: 'DISABLED' } },
  },
  encryption_info: {
    encryption_at_rest_kms_key_arn: fixtureKmsKeyArn,
    encryption_in_transit: { client_broker: 'TLS', in_cluster: true },
  },
  logging_info: {
    broker_logs: { cloudwatch_logs: { enabled: true, log_group: ref(LOG_GROUP, 'cluster', 'name') } },
  },
  client_authentication: { sasl: { iam: true } },
};
const mskStack = (cluster: Attributes) => ({ ...logStack(compliantLogGroup), [MSK]: { events: cluster } });
const withMsk = (name: string, changes: Readonly<Record<string, unknown>>) =>
  fixture(name, mskStack(change(compliantMsk, changes)));
const encryption = (changes: Readonly<Record<string, unknown>>) =>
  change(blocks(compliantMsk['encryption_info'])[0] ?? {}, changes);

export const logsMskRules: readonly Rule[] = [
  {
    id: 'log-group-retention',
    checkIds: ['CKV_AWS_66'],
    resourceTypes: [LOG_GROUP],
    severity: 'low',
    description:
      'Every log group has an explicit retention (retention_in_days, never 0 = forever), so retention is a decision.',
    check: (r) => expectAttribute(r, 'retention_in_days', oneOf(RETENTION_DAYS)),
    good: [fixture('90-day retention', logStack(compliantLogGroup))],
    bad: [
      fixture('kept forever', logStack(change(compliantLogGroup, { retention_in_days: 0 }))),
      fixture('retention unset', logStack(change(compliantLogGroup, { retention_in_days: undefined }))),
    ],
  },
  {
    id: 'log-group-cmk',
    checkIds: ['CKV_AWS_158', 'AVD-AWS-0017'],
    resourceTypes: [LOG_GROUP],
    severity: 'medium',
    description: 'Log data is encrypted with our KMS key (kms_key_id set).',
    check: (r, ctx) => expectSet(r, ctx, 'kms_key_id'),
    good: [fixture('CMK-encrypted group', logStack(compliantLogGroup))],
    bad: [fixture('service-owned key', logStack(change(compliantLogGroup, { kms_key_id: undefined })))],
  },
  {
    id: 'msk-encryption-in-transit',
    checkIds: ['CKV_AWS_81', 'AVD-AWS-0073'],
    resourceTypes: [MSK],
    severity: 'high',
    description:
      'Clients and brokers talk TLS only: encryption_in_transit.client_broker = "TLS" (set explicitly) and in_cluster not false.',
    check: (r) => {
      const clientBroker = expectAttribute(
        r,
        'encryption_info.encryption_in_transit.client_broker',
        oneOf(['TLS']),
      );
      if (clientBroker.status === 'failed') return clientBroker;
      const inCluster = lookup(r.values, 'encryption_info.encryption_in_transit.in_cluster');
      return inCluster.kind === 'value' && asBoolean(inCluster.value) === false
        ? failed('encryption_info.encryption_in_transit.in_cluster is false: brokers talk plaintext')
        : passed('client_broker is "TLS" and broker traffic is encrypted');
    },
    good: [fixture('TLS everywhere', mskStack(compliantMsk))],
    bad: [
      withMsk('TLS or plaintext', {
        encryption_info: encryption({
          encryption_in_transit: { client_broker: 'TLS_PLAINTEXT', in_cluster: true },
        }),
      }),
      withMsk('plaintext between brokers', {
        encryption_info: encryption({ encryption_in_transit: { client_broker: 'TLS', in_cluster: false } }),
      }),
      withMsk('no encryption_info', { encryption_info: undefined }),
    ],
  },
  {
    id: 'msk-encryption-at-rest-cmk',
    checkIds: ['CKV_AWS_81', 'AVD-AWS-0179'],
    resourceTypes: [MSK],
    severity: 'high',
    description:
      'Broker storage is encrypted with our KMS key (encryption_info.encryption_at_rest_kms_key_arn set).',
    check: (r, ctx) => expectSet(r, ctx, 'encryption_info.encryption_at_rest_kms_key_arn'),
    good: [fixture('CMK at rest', mskStack(compliantMsk))],
    bad: [
      withMsk('AWS-managed key', {
        encryption_info: encryption({ encryption_at_rest_kms_key_arn: undefined }),
      }),
    ],
  },
  {
    id: 'msk-broker-logging',
    checkIds: ['CKV_AWS_80', 'AVD-AWS-0074'],
    resourceTypes: [MSK],
    severity: 'medium',
    description:
      'Broker logs are shipped: logging_info.broker_logs has cloudwatch_logs, firehose or s3 with enabled = true.',
    check: (r) => {
      const enabled = ['cloudwatch_logs', 'firehose', 's3'].filter((sink) =>
        blocksAt(r.values, `logging_info.broker_logs.${sink}`).some((b) => asBoolean(b['enabled']) === true),
      );
      return enabled.length > 0
        ? passed(`broker logs go to ${enabled.join(', ')}`)
        : failed('no logging_info.broker_logs destination is enabled');
    },
    good: [fixture('logs to CloudWatch', mskStack(compliantMsk))],
    bad: [
      withMsk('no logging_info', { logging_info: undefined }),
      withMsk('destination disabled', {
        logging_info: { broker_logs: { cloudwatch_logs: { enabled: false } } },
      }),
    ],
  },
  {
    id: 'msk-no-public-access',
    checkIds: ['CKV_AWS_291'],
    resourceTypes: [MSK],
    severity: 'critical',
    description:
      'Brokers get no public IPs (connectivity_info.public_access.type is not "SERVICE_PROVIDED_EIPS"; unset means DISABLED).',
    check: (r) =>
      expectAttribute(r, 'broker_node_group_info.connectivity_info.public_access.type', {
        ...notTrue,
        text: 'not "SERVICE_PROVIDED_EIPS"',
        accepts: (v) => v !== 'SERVICE_PROVIDED_EIPS',
      }),
    good: [fixture('private brokers', mskStack(compliantMsk))],
    bad: [
      withMsk('public brokers', {
        broker_node_group_info: change(blocks(compliantMsk['broker_node_group_info'])[0] ?? {}, {
          connectivity_info: { public_access: { type: 'SERVICE_PROVIDED_EIPS' } },
        }),
      }),
    ],
  },
];
