// The Secrets Manager secrets of constructs/contracts/data-store-auth.ts `managedSecrets`, encrypted with a
// customer-managed key. The PostgreSQL application credentials rotate every secrets.rotationDays (runbook §3.2)
// with AWS's alternating-users rotation function, which uses the RDS-managed master secret to change the
// inactive user's password, so a rotation never breaks live connections.
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { ServerlessapplicationrepositoryCloudformationStack } from '@cdktf/provider-aws/lib/serverlessapplicationrepository-cloudformation-stack';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { irsaBindings, managedSecrets, resourcePrefix, secretName } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

/**
 * AWS's published rotation function (Serverless Application Repository), pinned: the version AWS CDK's
 * SecretRotationApplication.POSTGRES_ROTATION_MULTI_USER deploys in the aws partition.
 */
export const POSTGRES_ROTATION_APPLICATION = {
  applicationId:
    'arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationMultiUser',
  semanticVersion: '1.1.671',
} as const;

export interface AppSecretsProps {
  readonly env: EnvConfig;
  readonly vpcId: string;
  readonly privateSubnetIds: readonly string[];
  /** RDS-managed master secret and the key it is encrypted with. */
  readonly postgresMasterSecretArn: string;
  readonly postgresKeyArn: string;
  /** From rotationSecurityGroup(): created before PostgreSQL's group so that group can admit it. */
  readonly rotationSecurityGroupId: string;
}

export class AppSecrets extends Construct {
  readonly key: CustomerManagedKey;
  readonly secrets = new Map<string, SecretsmanagerSecret>();

  constructor(scope: Construct, id: string, props: AppSecretsProps) {
    super(scope, id);
    const { env } = props;
    const readers = irsaBindings(env)
      .filter((binding) => binding.grants.some((grant) => grant.kind === 'read-secrets'))
      .map((binding) => binding.roleArn);
    this.key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: 'secrets',
      description: `Application secrets of ${env.name} (External Secrets decrypts through Secrets Manager)`,
      userRoleArns: readers,
      // Readers decrypt only through Secrets Manager, never a ciphertext they copied (test/aws/iam).
      userViaService: `secretsmanager.${env.aws.region}.amazonaws.com`,
    });
    const rotationFunction = new ServerlessapplicationrepositoryCloudformationStack(
      this,
      'postgres-rotation',
      {
        name: `${resourcePrefix(env)}-postgres-rotation`,
        applicationId: POSTGRES_ROTATION_APPLICATION.applicationId,
        semanticVersion: POSTGRES_ROTATION_APPLICATION.semanticVersion,
        capabilities: ['CAPABILITY_IAM', 'CAPABILITY_RESOURCE_POLICY'],
        parameters: {
          endpoint: `https://secretsmanager.${env.aws.region}.amazonaws.com`,
          functionName: `${resourcePrefix(env)}-postgres-rotation`,
          vpcSubnetIds: props.privateSubnetIds.join(','),
          vpcSecurityGroupIds: props.rotationSecurityGroupId,
          kmsKeyArn: this.key.arn,
          masterSecretArn: props.postgresMasterSecretArn,
          masterSecretKmsKeyArn: props.postgresKeyArn,
        },
      },
    );
    for (const secret of managedSecrets(env)) {
      const resource = new SecretsmanagerSecret(this, secret.path.replace(/\//g, '-'), {
        name: secretName(env, secret.path),
        description:
          secret.rotation === 'external-issuer'
            ? 'Issued by PagerDuty; replaced by hand when PagerDuty reissues it (runbook §3.2)'
            : `Rotated every ${env.secrets.rotationDays} days (alternating users)`,
        kmsKeyId: this.key.arn,
        recoveryWindowInDays: env.secrets.recoveryWindowDays,
      });
      this.secrets.set(secret.path, resource);
      if (secret.rotation === 'postgres-alternating-users') {
        recordNfr(
          new SecretsmanagerSecretRotation(this, `${secret.path.replace(/\//g, '-')}-rotation`, {
            secretId: resource.id,
            rotationLambdaArn: rotationFunction.outputs.lookup('RotationLambdaARN'),
            rotationRules: { automaticallyAfterDays: env.secrets.rotationDays },
            // The first value is written by the migrations bootstrap (docs/aws.md); rotate on schedule after it.
            rotateImmediately: false,
          }),
          'secret-rotation',
        );
      }
    }
  }
}

/** The rotation function's network access: PostgreSQL and the Secrets Manager endpoint, inside the VPC only. */
export function rotationSecurityGroup(
  scope: Construct,
  id: string,
  env: EnvConfig,
  vpcId: string,
): SecurityGroup {
  return new SecurityGroup(scope, id, {
    name: `${resourcePrefix(env)}-secret-rotation`,
    description: 'Secrets Manager rotation function: PostgreSQL and the Secrets Manager endpoint only',
    vpcId,
    ingress: [],
    egress: [
      {
        description: 'PostgreSQL inside the VPC',
        protocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrBlocks: [env.network.vpcCidr],
      },
      {
        description: 'Secrets Manager interface endpoint inside the VPC',
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrBlocks: [env.network.vpcCidr],
      },
    ],
  });
}
