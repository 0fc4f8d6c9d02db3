// <env>-bootstrap: the encrypted, versioned S3 bucket every other stack keeps its state in. It has local state
// and is applied once per account with `npm run deploy -- --env <env> --bootstrap` (docs/aws.md); it is not part
// of the normal deploy order because nothing can hold its state before it exists.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { stateBucketName } from '../constructs/contracts';
import { CustomerManagedKey } from '../constructs/aws/customer-managed-key';
import { SecureBucket } from '../constructs/aws/secure-bucket';
import { SkillforgeStack } from './base-stack';

export class BootstrapStack extends SkillforgeStack {
  readonly stateBucket: SecureBucket;

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
  }
}
