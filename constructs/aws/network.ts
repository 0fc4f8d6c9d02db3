// The VPC of runbook §1.1/§1.3: public (load balancers, NAT), private (nodes, pods) and isolated database subnets
// per zone, VPC flow logs to a KMS-encrypted log group, a default security group with no rules, and private
// endpoints so nodes reach AWS APIs without the internet.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { clusterName, iamRoleName, resourcePrefix, subnetPlan } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';

const flowLogGroup = (env: EnvConfig): string => `/skillforge/${env.name}/vpc-flow-logs`;

export interface NetworkProps {
  readonly env: EnvConfig;
}

export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnetIds: string[] = [];
  readonly privateSubnetIds: string[] = [];
  readonly databaseSubnetIds: string[] = [];
  readonly privateRouteTableIds: string[] = [];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { env } = props;
    const prefix = resourcePrefix(env);
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: env.network.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: prefix },
    });
    // CKV2_AWS_12: the default security group exists in code and allows nothing.
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      tags: { Name: `${prefix}-default-deny` },
    });
    const internetGateway = new InternetGateway(this, 'internet-gateway', {
      vpcId: this.vpc.id,
      tags: { Name: prefix },
    });

    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: this.vpc.id,
      tags: { Name: `${prefix}-public` },
    });
    new Route(this, 'public-default-route', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });
    const databaseRoutes = new RouteTable(this, 'database-routes', {
      vpcId: this.vpc.id,
      tags: { Name: `${prefix}-database` },
    });

    const natGateways: NatGateway[] = [];
    for (const [index, zone] of subnetPlan(env).entries()) {
      const suffix = zone.zone.slice(-1);
      const publicSubnet = this.subnet(`public-${suffix}`, zone.zone, zone.public, 'public', env);
      this.publicSubnetIds.push(publicSubnet.id);
      new RouteTableAssociation(this, `public-${suffix}-routes`, {
        subnetId: publicSubnet.id,
        routeTableId: publicRoutes.id,
      });
      if (env.network.natGateways === 'one-per-az' || index === 0) {
        const address = new Eip(this, `nat-${suffix}-address`, {
          domain: 'vpc',
          tags: { Name: `${prefix}-nat-${suffix}` },
        });
        natGateways.push(
          new NatGateway(this, `nat-${suffix}`, {
            allocationId: address.id,
            subnetId: publicSubnet.id,
            tags: { Name: `${prefix}-nat-${suffix}` },
          }),
        );
      }
      const privateSubnet = this.subnet(`private-${suffix}`, zone.zone, zone.private, 'private', env);
      this.privateSubnetIds.push(privateSubnet.id);
      const privateRoutes = new RouteTable(this, `private-${suffix}-routes-table`, {
        vpcId: this.vpc.id,
        tags: { Name: `${prefix}-private-${suffix}` },
      });
      this.privateRouteTableIds.push(privateRoutes.id);
      new Route(this, `private-${suffix}-default-route`, {
        routeTableId: privateRoutes.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: natGateways[natGateways.length - 1]!.id,
      });
      new RouteTableAssociation(this, `private-${suffix}-routes`, {
        subnetId: privateSubnet.id,
        routeTableId: privateRoutes.id,
      });
      const databaseSubnet = this.subnet(`database-${suffix}`, zone.zone, zone.database, 'database', env);
      this.databaseSubnetIds.push(databaseSubnet.id);
      new RouteTableAssociation(this, `database-${suffix}-routes`, {
        subnetId: databaseSubnet.id,
        routeTableId: databaseRoutes.id,
      });
    }

    this.flowLogs(env);
    this.endpoints(env, [...this.privateRouteTableIds, databaseRoutes.id]);
  }

  private subnet(
    id: string,
    zone: string,
    cidr: string,
    tier: 'public' | 'private' | 'database',
    env: EnvConfig,
  ): Subnet {
    const tags: Record<string, string> = { Name: `${resourcePrefix(env)}-${id}`, 'skillforge:tier': tier };
    // Load-balancer discovery by the AWS Load Balancer Controller.
    if (tier === 'public') tags['kubernetes.io/role/elb'] = '1';
    if (tier === 'private') tags['kubernetes.io/role/internal-elb'] = '1';
    if (tier !== 'database') tags[`kubernetes.io/cluster/${clusterName(env)}`] = 'shared';
    return new Subnet(this, id, {
      vpcId: this.vpc.id,
      availabilityZone: zone,
      cidrBlock: cidr,
      // Only load balancers get public addresses, and they are assigned explicitly; no subnet auto-assigns.
      mapPublicIpOnLaunch: false,
      tags,
    });
  }

  private flowLogs(env: EnvConfig): void {
    const key = new CustomerManagedKey(this, 'flow-logs-key', {
      env,
      purpose: 'flow-logs',
      description: `VPC flow logs of ${resourcePrefix(env)}`,
      logGroups: [flowLogGroup(env)],
    });
    const logGroup = new CloudwatchLogGroup(this, 'flow-logs', {
      name: flowLogGroup(env),
      retentionInDays: env.network.flowLogRetentionDays,
      kmsKeyId: key.arn,
    });
    const trust = new DataAwsIamPolicyDocument(this, 'flow-logs-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'flow-logs-role', {
      name: iamRoleName(env, 'vpc-flow-logs'),
      assumeRolePolicy: trust.json,
    });
    const writeLogs = new DataAwsIamPolicyDocument(this, 'flow-logs-write', {
      statement: [
        {
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [`${logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, 'flow-logs-policy', {
      role: role.id,
      name: 'write-flow-logs',
      policy: writeLogs.json,
    });
    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    });
  }

  private endpoints(env: EnvConfig, routeTableIds: string[]): void {
    new VpcEndpoint(this, 'endpoint-s3', {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${env.aws.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds,
    });
    const endpointSecurity = new SecurityGroup(this, 'endpoints-security-group', {
      name: `${resourcePrefix(env)}-vpc-endpoints`,
      description: 'HTTPS from inside the VPC to AWS interface endpoints',
      vpcId: this.vpc.id,
      ingress: [
        {
          description: 'HTTPS from the VPC',
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: [env.network.vpcCidr],
        },
      ],
      egress: [],
    });
    for (const service of env.network.interfaceEndpoints) {
      new VpcEndpoint(this, `endpoint-${service.replace('.', '-')}`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${env.aws.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: this.privateSubnetIds,
        securityGroupIds: [endpointSecurity.id],
      });
    }
  }
}
