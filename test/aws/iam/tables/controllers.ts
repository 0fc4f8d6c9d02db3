// The platform controllers' IRSA roles: what each component's published policy or documentation says it needs
// (must allow) and what lies outside its job (must deny).
import { clusterName, iamRoleName, secretName } from '../../../../constructs/contracts';
import { allow, arnsOf, deny, keyOf, roleOf, type PrincipalTable } from './table';

const LBC_POLICY =
  'AWS Load Balancer Controller chart 3.4.0 IAM policy (kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json, vendored in constructs/aws/upstream/), statement';
const CERT_MANAGER =
  'cert-manager docs, "Route53" DNS01 solver, IAM policy: https://cert-manager.io/docs/configuration/acme/dns01/route53/#set-up-an-iam-policy';
const EXTERNAL_DNS =
  'ExternalDNS docs, "AWS" tutorial, IAM policy: https://kubernetes-sigs.github.io/external-dns/latest/docs/tutorials/aws/#iam-policy';
const EXTERNAL_SECRETS =
  'External Secrets Operator docs, "AWS Secrets Manager", IAM policy: https://external-secrets.io/latest/provider/aws-secrets-manager/';
const EBS_CSI =
  'AWS Managed Policy Reference, "AmazonEBSCSIDriverPolicy": https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEBSCSIDriverPolicy.html';

const lbcSource = (statement: number) =>
  `${LBC_POLICY} ${statement}: https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.4.0/docs/install/iam_policy.json`;

export const loadBalancerController: PrincipalTable = {
  principal: 'AWS Load Balancer Controller',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'aws-load-balancer-controller')) }),
  rows: (_iam, env) => {
    const arn = arnsOf(env);
    const cluster = clusterName(env);
    const requestTag = {
      'aws:RequestTag/elbv2.k8s.aws/cluster': cluster,
      'aws:TagKeys': ['elbv2.k8s.aws/cluster'],
    };
    const owned = { 'aws:ResourceTag/elbv2.k8s.aws/cluster': cluster };
    const loadBalancer = arn.elb(`loadbalancer/net/k8s-platform-ingress/0123456789abcdef`);
    const targetGroup = arn.elb(`targetgroup/k8s-platform-ingress/0123456789abcdef`);
    const anotherGroup = arn.ec2('security-group', 'sg-0rdsdatabase0000');
    return [
      allow({
        says: 'creates the ELB service-linked role',
        action: 'iam:CreateServiceLinkedRole',
        resource: `arn:aws:iam::${env.aws.accountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
        context: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' },
        source: lbcSource(1),
      }),
      allow({
        says: 'describes subnets to place the load balancer',
        action: 'ec2:DescribeSubnets',
        resource: '*',
        source: lbcSource(2),
      }),
      allow({
        says: 'creates its security group',
        action: 'ec2:CreateSecurityGroup',
        resource: arn.ec2('security-group', '*'),
        context: requestTag,
        source: lbcSource(5),
      }),
      allow({
        says: 'tags the security group it creates (create-time tagging)',
        action: 'ec2:CreateTags',
        resource: arn.ec2('security-group', 'sg-0lbc000000000000'),
        context: { ...requestTag, 'ec2:CreateAction': 'CreateSecurityGroup' },
        source: lbcSource(6),
      }),
      allow({
        says: 'opens the cluster security group to the load balancer',
        action: 'ec2:AuthorizeSecurityGroupIngress',
        resource: arn.ec2('security-group', 'sg-0cluster00000000'),
        source: lbcSource(4),
      }),
      allow({
        says: 'creates a load balancer tagged with the cluster',
        action: 'elasticloadbalancing:CreateLoadBalancer',
        resource: loadBalancer,
        context: requestTag,
        source: lbcSource(9),
      }),
      allow({
        says: 'tags the load balancer it creates (create-time tagging)',
        action: 'elasticloadbalancing:AddTags',
        resource: loadBalancer,
        context: { ...requestTag, 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer' },
        source: lbcSource(14),
      }),
      allow({
        says: 'registers pods in its target group',
        action: 'elasticloadbalancing:RegisterTargets',
        resource: targetGroup,
        source: lbcSource(15),
      }),
      allow({
        says: 'modifies a load balancer it owns',
        action: 'elasticloadbalancing:ModifyLoadBalancerAttributes',
        resource: loadBalancer,
        context: owned,
        source: lbcSource(13),
      }),
      deny({
        says: 'creates a load balancer without the cluster tag',
        action: 'elasticloadbalancing:CreateLoadBalancer',
        resource: loadBalancer,
        source: lbcSource(9),
      }),
      deny({
        says: 'deletes a security group it does not own',
        action: 'ec2:DeleteSecurityGroup',
        resource: anotherGroup,
        source: lbcSource(8),
      }),
      deny({
        says: 'deletes a load balancer it does not own',
        action: 'elasticloadbalancing:DeleteLoadBalancer',
        resource: loadBalancer,
        source: lbcSource(13),
      }),
      deny({
        says: "creates another service's service-linked role",
        action: 'iam:CreateServiceLinkedRole',
        resource: `arn:aws:iam::${env.aws.accountId}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS`,
        context: { 'iam:AWSServiceName': 'rds.amazonaws.com' },
        source: lbcSource(1),
      }),
      deny({
        says: 'passes a role',
        action: 'iam:PassRole',
        resource: arn.role(iamRoleName(env, 'eks-nodes')),
        source: lbcSource(1),
      }),
    ];
  },
};

export const certManager: PrincipalTable = {
  principal: 'cert-manager',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'cert-manager')) }),
  rows: () => {
    const zone = 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ';
    return [
      allow({
        says: 'finds the zone by name',
        action: 'route53:ListHostedZonesByName',
        resource: '*',
        source: CERT_MANAGER,
      }),
      allow({
        says: 'writes the TXT challenge record',
        action: 'route53:ChangeResourceRecordSets',
        resource: zone,
        context: { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
        source: CERT_MANAGER,
      }),
      allow({
        says: "lists the zone's records",
        action: 'route53:ListResourceRecordSets',
        resource: zone,
        source: CERT_MANAGER,
      }),
      allow({
        says: 'waits for the change',
        action: 'route53:GetChange',
        resource: 'arn:aws:route53:::change/C0123456789ABCDEFGHIJ',
        source: CERT_MANAGER,
      }),
      deny({
        says: 'rewrites an A record',
        action: 'route53:ChangeResourceRecordSets',
        resource: zone,
        context: { 'route53:ChangeResourceRecordSetsRecordTypes': ['A'] },
        source: CERT_MANAGER,
      }),
      deny({
        says: 'deletes a zone',
        action: 'route53:DeleteHostedZone',
        resource: zone,
        source: CERT_MANAGER,
      }),
    ];
  },
};

export const externalDns: PrincipalTable = {
  principal: 'external-dns',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'external-dns')) }),
  rows: () => {
    const zone = 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ';
    return [
      allow({
        says: 'publishes the origin record',
        action: 'route53:ChangeResourceRecordSets',
        resource: zone,
        context: { 'route53:ChangeResourceRecordSetsRecordTypes': ['A', 'TXT'] },
        source: EXTERNAL_DNS,
      }),
      allow({ says: 'lists zones', action: 'route53:ListHostedZones', resource: '*', source: EXTERNAL_DNS }),
      allow({
        says: 'lists records',
        action: 'route53:ListResourceRecordSets',
        resource: zone,
        source: EXTERNAL_DNS,
      }),
      allow({
        says: 'reads zone tags (zone filters)',
        action: 'route53:ListTagsForResource',
        resource: zone,
        source: EXTERNAL_DNS,
      }),
      deny({
        says: 'creates a zone',
        action: 'route53:CreateHostedZone',
        resource: '*',
        source: EXTERNAL_DNS,
      }),
      deny({
        says: 'deletes a zone',
        action: 'route53:DeleteHostedZone',
        resource: zone,
        source: EXTERNAL_DNS,
      }),
    ];
  },
};

export const externalSecrets: PrincipalTable = {
  principal: 'External Secrets',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'external-secrets')) }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    const key = keyOf(iam, `alias/skillforge-${env.name}-secrets`);
    const viaSecretsManager = { 'kms:ViaService': `secretsmanager.${env.aws.region}.amazonaws.com` };
    return [
      allow({
        says: 'reads the PostgreSQL application secret',
        action: 'secretsmanager:GetSecretValue',
        resource: arn.secret(secretName(env, 'postgres/app')),
        source: EXTERNAL_SECRETS,
      }),
      allow({
        says: 'describes it',
        action: 'secretsmanager:DescribeSecret',
        resource: arn.secret(secretName(env, 'pagerduty/p1-routing-key')),
        source: EXTERNAL_SECRETS,
      }),
      allow({
        says: 'decrypts it through Secrets Manager',
        action: 'kms:Decrypt',
        resource: key.arn,
        context: viaSecretsManager,
        against: key.policy,
        source: EXTERNAL_SECRETS,
      }),
      deny({
        says: 'reads a secret outside the environment',
        action: 'secretsmanager:GetSecretValue',
        resource: arn.secret('other-team/database'),
        source: EXTERNAL_SECRETS,
      }),
      deny({
        says: 'decrypts with the key directly',
        action: 'kms:Decrypt',
        resource: key.arn,
        against: key.policy,
        source: EXTERNAL_SECRETS,
      }),
      deny({
        says: 'writes a secret',
        action: 'secretsmanager:PutSecretValue',
        resource: arn.secret(secretName(env, 'postgres/app')),
        source: EXTERNAL_SECRETS,
      }),
    ];
  },
};

export const ebsCsiDriver: PrincipalTable = {
  principal: 'EBS CSI driver',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'ebs-csi-driver')) }),
  rows: (_iam, env) => {
    const arn = arnsOf(env);
    const volume = arn.ec2('volume', 'vol-0123456789abcdef0');
    return [
      allow({
        says: 'creates a volume tagged for the cluster',
        action: 'ec2:CreateVolume',
        resource: volume,
        context: {
          'aws:RequestTag/ebs.csi.aws.com/cluster': 'true',
          'aws:TagKeys': ['ebs.csi.aws.com/cluster'],
        },
        source: EBS_CSI,
      }),
      allow({ says: 'attaches it to a node', action: 'ec2:AttachVolume', resource: volume, source: EBS_CSI }),
      allow({
        says: 'deletes a volume it created',
        action: 'ec2:DeleteVolume',
        resource: volume,
        context: { 'ec2:ResourceTag/ebs.csi.aws.com/cluster': 'true' },
        source: EBS_CSI,
      }),
      deny({
        says: 'deletes a volume it did not create',
        action: 'ec2:DeleteVolume',
        resource: volume,
        source: EBS_CSI,
      }),
      deny({
        says: 'terminates an instance',
        action: 'ec2:TerminateInstances',
        resource: arn.ec2('instance', 'i-0123456789abcdef0'),
        source: EBS_CSI,
      }),
    ];
  },
};
