// Amazon OpenSearch (runbook §1.2 search, hot-warm) when the model selects managed mode: a VPC domain with zone
// awareness, dedicated masters and UltraWarm where the model enables them, encryption at rest (CMK) and between
// nodes, HTTPS only at the runbook's TLS minimum, fine-grained access control with IAM principals, and every log
// type including audit logs. Snapshots for the nightly job (§3.3) go to the bucket built by OpenSearchSnapshots.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { irsaBindings, opensearchAdminRoleArn, opensearchDomainName } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

const LOG_TYPES = ['INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS', 'ES_APPLICATION_LOGS', 'AUDIT_LOGS'] as const;
/** OpenSearch spreads a domain over at most three zones. */
const MAX_ZONES = 3;

/** The domain's TLS policy for the runbook minimum (environments/rules/tls.ts refuses 1.3 with OpenSearch). */
export const OPENSEARCH_TLS_POLICY = 'Policy-Min-TLS-1-2-PFS-2023-10';

export interface OpenSearchProps {
  readonly env: EnvConfig;
  readonly databaseSubnetIds: readonly string[];
  readonly securityGroupId: string;
  readonly logsKeyArn: string;
}

export class OpenSearch extends Construct {
  readonly domain: OpensearchDomain;

  constructor(scope: Construct, id: string, props: OpenSearchProps) {
    super(scope, id);
    const { env } = props;
    const search = env.opensearch;
    const name = opensearchDomainName(env);
    const key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: 'opensearch',
      description: `At-rest encryption of the ${name} domain`,
    });
    const logGroups = LOG_TYPES.map(
      (type) =>
        new CloudwatchLogGroup(this, `logs-${type.toLowerCase()}`, {
          name: `/aws/opensearch/${name}/${type.toLowerCase()}`,
          retentionInDays: search.logRetentionDays,
          kmsKeyId: props.logsKeyArn,
        }),
    );
    const logWriters = new DataAwsIamPolicyDocument(this, 'log-writers', {
      statement: [
        {
          effect: 'Allow',
          actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
          principals: [{ type: 'Service', identifiers: ['es.amazonaws.com'] }],
          resources: logGroups.map((group) => `${group.arn}:*`),
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    const logPolicy = new CloudwatchLogResourcePolicy(this, 'log-policy', {
      policyName: `${name}-opensearch-logs`,
      policyDocument: logWriters.json,
    });
    const zones = Math.min(env.aws.availabilityZones.length, MAX_ZONES);
    const domainArn = `arn:aws:es:${env.aws.region}:${env.aws.accountId}:domain/${name}`;
    // IAM decides who reaches the domain (workload roles, the admin); fine-grained access control decides what.
    const principals = [
      opensearchAdminRoleArn(env),
      ...irsaBindings(env)
        .filter((b) => b.grants.some((g) => g.kind === 'data-store' && g.store === 'opensearch'))
        .map((b) => b.roleArn),
      ...irsaBindings(env)
        .filter((b) => b.grants.some((g) => g.kind === 'workload' && g.access === 'opensearch-snapshots'))
        .map((b) => b.roleArn),
    ];
    const access = new DataAwsIamPolicyDocument(this, 'access-policy', {
      statement: [
        {
          effect: 'Allow',
          actions: ['es:ESHttp*'],
          principals: [{ type: 'AWS', identifiers: [...new Set(principals)].sort() }],
          resources: [`${domainArn}/*`],
        },
      ],
    });
    this.domain = new OpensearchDomain(this, 'domain', {
      domainName: name,
      engineVersion: search.engineVersion,
      clusterConfig: {
        instanceType: search.dataNodes.instanceType,
        instanceCount: search.dataNodes.count,
        zoneAwarenessEnabled: true,
        zoneAwarenessConfig: { availabilityZoneCount: zones },
        dedicatedMasterEnabled: search.dedicatedMasters.enabled,
        ...(search.dedicatedMasters.enabled
          ? {
              dedicatedMasterType: search.dedicatedMasters.instanceType,
              dedicatedMasterCount: search.dedicatedMasters.count,
            }
          : {}),
        warmEnabled: search.ultrawarm.enabled,
        ...(search.ultrawarm.enabled
          ? { warmType: search.ultrawarm.instanceType, warmCount: search.ultrawarm.count }
          : {}),
      },
      ebsOptions: { ebsEnabled: true, volumeType: 'gp3', volumeSize: search.dataNodes.volumeSizeGb },
      encryptAtRest: { enabled: true, kmsKeyId: key.arn },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: OPENSEARCH_TLS_POLICY },
      advancedSecurityOptions: {
        enabled: true,
        anonymousAuthEnabled: false,
        internalUserDatabaseEnabled: false,
        // The in-cluster admin job's role maps workload roles to OpenSearch roles (security plugin API).
        masterUserOptions: { masterUserArn: opensearchAdminRoleArn(env) },
      },
      vpcOptions: {
        subnetIds: props.databaseSubnetIds.slice(0, zones),
        securityGroupIds: [props.securityGroupId],
      },
      logPublishingOptions: LOG_TYPES.map((logType, index) => ({
        logType,
        enabled: true,
        cloudwatchLogGroupArn: logGroups[index]!.arn,
      })),
      accessPolicies: access.json,
      lifecycle: { preventDestroy: true },
      dependsOn: [logPolicy],
    });
    recordNfr(this.domain, 'tls-minimum', 'rpo');
  }
}
