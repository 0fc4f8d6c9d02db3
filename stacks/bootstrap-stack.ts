// <env>-bootstrap: what must exist before CI can deploy anything, applied once per account by an administrator
// with `npm run deploy -- --env <env> --bootstrap` (docs/first-apply.md): the encrypted, versioned S3 bucket every
// other stack keeps its state in, the state key, GitHub's OIDC provider, the deploy role, the read-only plan
// role and the permissions boundary the deploy role must put on every role it creates. None of these may be
// changed by the deploy role itself, so none of them lives in a layer it applies. Local state: nothing can hold
// its state before it exists.
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { stateBucketName } from '../constructs/contracts';
import { CustomerManagedKey } from '../constructs/aws/customer-managed-key';
import { GithubDeployRole } from '../constructs/aws/github-deploy-role';
import { githubOidcProvider } from '../constructs/aws/github-oidc';
import { GithubPlanRole } from '../constructs/aws/github-plan-role';
import { PermissionsBoundaryPolicy } from '../constructs/aws/permissions-boundary';
import { SecureBucket } from '../constructs/aws/secure-bucket';
import { SkillforgeStack } from './base-stack';

export class BootstrapStack extends SkillforgeStack {
  readonly stateBucket: SecureBucket;
  readonly deployRole: GithubDeployRole;
  readonly planRole: GithubPlanRole;

  constructor(scope: Construct, env: EnvConfig) {
    super(scope, { env, layer: 'bootstrap' });
    const key = new CustomerManagedKey(this, 'state-key', {
      env,
      purpose: 'tfstate',
      description: `Terraform state of ${env.name}`,
    });
    this.stateBucket = new SecureBucket(this, 'state', {
      env,
      bucketName: stateBucketName(env),
      encryption: { kind: 'kms', keyArn: key.arn },
      // State is never expired: every version is the history of what was applied.
      expireAfterDays: null,
      noncurrentVersionRetentionDays: null,
      abortIncompleteUploadDays: env.storage.abortIncompleteUploadDays,
    });
    // The backends of the deployed layers name this key by id (aws.stateKeyId in the environment's model).
    new TerraformOutput(this, 'state_key_id', {
      value: key.key.keyId,
      description: `Copy into environments/${env.name}.ts as aws.stateKeyId, then npm run synth`,
    });
    new PermissionsBoundaryPolicy(this, 'boundary', { env });
    const provider = githubOidcProvider(this, 'github-oidc-provider');
    this.deployRole = new GithubDeployRole(this, 'github', {
      env,
      oidcProviderArn: provider.arn,
      stateKeyArn: key.arn,
    });
    this.planRole = new GithubPlanRole(this, 'github-plan', {
      env,
      oidcProviderArn: provider.arn,
      stateKeyArn: key.arn,
    });
  }
}
