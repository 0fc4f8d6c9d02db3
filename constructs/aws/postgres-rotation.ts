// The PostgreSQL rotation function as Terraform resources (replacing AWS's Serverless Application Repository
// application, whose CloudFormation stack creates a role named serverlessrepo-… without the permissions boundary,
// which the deploy role may not create). Terraform names and creates the role; the function is our alternating-
// users implementation (lambda/postgres-rotation.ts), bundled with pg into lambda/postgres-rotation.bundle.ts and
// zipped at plan time by hashicorp/archive's archive_file from that inline source, so the rendered tree stays text.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { TerraformDataSource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { iamRoleName, resourcePrefix } from '../contracts';
import { POSTGRES_ROTATION_BUNDLE } from './lambda/postgres-rotation.bundle';

/** hashicorp/archive, pinned like the AWS provider: it only zips, at plan time. */
export const ARCHIVE_PROVIDER = { source: 'hashicorp/archive', version: '2.7.1' } as const;
/** Lambda's Node.js 22 runtime; it provides the AWS SDK v3 the function uses. */
const RUNTIME = 'nodejs22.x';
/** Rotation runs four short steps; each gets this long. */
const TIMEOUT_SECONDS = 30;

/**
 * A string Terraform must take literally: `${` and `%{` start template sequences in every Terraform string, so
 * the JavaScript's own template literals are escaped as `$${` and `%%{` (Terraform, "Strings and Templates",
 * escape sequences: https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences).
 */
export const terraformLiteral = (text: string): string =>
  text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

export const postgresRotationName = (env: EnvConfig): string => `${resourcePrefix(env)}-postgres-rotation`;

export interface PostgresRotationProps {
  readonly env: EnvConfig;
  readonly privateSubnetIds: readonly string[];
  readonly securityGroupId: string;
  /** The application secret it rotates, and the key encrypting it. */
  readonly appSecretArn: string;
  readonly appSecretKeyArn: string;
  /** The RDS-managed master secret and its key (the PostgreSQL key). */
  readonly masterSecretArn: string;
  readonly masterSecretKeyArn: string;
  /** Key of the data stores' log groups (its policy names this function's group). */
  readonly logsKeyArn: string;
}

export class PostgresRotation extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: PostgresRotationProps) {
    super(scope, id);
    const { env } = props;
    const name = postgresRotationName(env);
    TerraformStack.of(this).addOverride('terraform.required_providers.archive', ARCHIVE_PROVIDER);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'role', {
      name: iamRoleName(env, 'postgres-rotation'),
      assumeRolePolicy: trust.json,
    });
    // Network interfaces in the VPC and writing its own logs.
    const vpcAccess = new IamRolePolicyAttachment(this, 'vpc-access', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    });
    const viaSecretsManager = [
      {
        test: 'StringEquals',
        variable: 'kms:ViaService',
        values: [`secretsmanager.${env.aws.region}.amazonaws.com`],
      },
    ];
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          sid: 'RotateTheApplicationSecret',
          effect: 'Allow',
          actions: [
            'secretsmanager:DescribeSecret',
            'secretsmanager:GetSecretValue',
            'secretsmanager:PutSecretValue',
            'secretsmanager:UpdateSecretVersionStage',
          ],
          resources: [props.appSecretArn],
        },
        {
          sid: 'ReadTheMasterSecret',
          effect: 'Allow',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [props.masterSecretArn],
        },
        {
          sid: 'DecryptAndEncryptThroughSecretsManager',
          effect: 'Allow',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.appSecretKeyArn, props.masterSecretKeyArn],
          condition: viaSecretsManager,
        },
      ],
    });
    const policy = new IamRolePolicy(this, 'policy', {
      role: role.id,
      name: 'rotate-postgres-app',
      policy: permissions.json,
    });
    const logs = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${name}`,
      retentionInDays: env.postgres.logRetentionDays,
      kmsKeyId: props.logsKeyArn,
    });
    const archive = new TerraformDataSource(this, 'code', { terraformResourceType: 'archive_file' });
    archive.addOverride('type', 'zip');
    archive.addOverride('output_path', '${path.module}/postgres-rotation.zip');
    archive.addOverride('source', [
      { filename: 'index.js', content: terraformLiteral(POSTGRES_ROTATION_BUNDLE) },
    ]);
    this.function = new LambdaFunction(this, 'function', {
      functionName: name,
      description: 'Rotates skillforge/<env>/postgres/app with alternating users (runbook §3.2)',
      role: role.arn,
      runtime: RUNTIME,
      handler: 'index.handler',
      filename: archive.getStringAttribute('output_path'),
      sourceCodeHash: archive.getStringAttribute('output_base64sha256'),
      timeout: TIMEOUT_SECONDS,
      reservedConcurrentExecutions: 2,
      vpcConfig: { subnetIds: [...props.privateSubnetIds], securityGroupIds: [props.securityGroupId] },
      environment: {
        variables: {
          SECRETS_MANAGER_ENDPOINT: `https://secretsmanager.${env.aws.region}.amazonaws.com`,
          // The runtime's CA bundle includes the RDS CAs; Node.js 20+ runtimes no longer load it by default
          // (AWS Lambda Developer Guide, "Building Lambda functions with Node.js", certificate authorities).
          NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
        },
      },
      kmsKeyArn: props.appSecretKeyArn,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: logs.name },
      dependsOn: [vpcAccess, policy, logs],
    });
    new LambdaPermission(this, 'invoked-by-secrets-manager', {
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionName,
      principal: 'secretsmanager.amazonaws.com',
      sourceAccount: env.aws.accountId,
    });
  }
}
