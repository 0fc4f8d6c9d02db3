// The Secrets Manager secrets of constructs/contracts/data-store-auth.ts `managedSecrets`, encrypted with a
// customer-managed key. The PostgreSQL application credentials rotate every secrets.rotationDays (runbook §3.2)
// with the alternating-users rotation function (postgres-rotation.ts), which uses the RDS-managed master secret to
// change the inactive user's password, so a rotation never breaks live connections.
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { irsaBindings, managedSecrets, resourcePrefix, secretName } from '../contracts';
import { PostgresRotation } from './postgres-rotation';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

export interface AppSecretsProps {
  readonly env: EnvConfig;
  readonly vpcId: string;
  readonly privateSubnetIds: readonly string[];
  /** RDS-managed master secret and the key it is encrypted with. */
  readonly postgresMasterSecretArn: string;
  readonly postgresKeyArn: string;
  /** From rotationSecurityGroup(): created before PostgreSQL's group so that group can admit it. */
  readonly rotationSecurityGroupId: string;
  /** Key of the data stores' log groups (the rotation function's logs). */
  readonly logsKeyArn: string;
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
        const rotation = new PostgresRotation(this, 'postgres-rotation', {
          env,
          privateSubnetIds: props.privateSubnetIds,
          securityGroupId: props.rotationSecurityGroupId,
          appSecretArn: resource.arn,
          appSecretKeyArn: this.key.arn,
          masterSecretArn: props.postgresMasterSecretArn,
          masterSecretKeyArn: props.postgresKeyArn,
          logsKeyArn: props.logsKeyArn,
        });
        recordNfr(
          new SecretsmanagerSecretRotation(this, `${secret.path.replace(/\//g, '-')}-rotation`, {
            secretId: resource.id,
            rotationLambdaArn: rotation.function.arn,
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
