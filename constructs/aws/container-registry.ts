// One ECR repository per image SkillForge builds (ourImages): immutable tags, scan on push, KMS encryption, and
// a lifecycle policy that expires images after registry.imageRetentionDays (runbook §1.2: 90 non-prod, 365 prod).
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { ecrRepositoryName, ourImages } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

export interface ContainerRegistryProps {
  readonly env: EnvConfig;
}

/** The lifecycle policy document ECR evaluates: every image, tagged or not, expires `days` after its push. */
export function retentionPolicy(days: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire images ${days} days after push (runbook §1.2)`,
        selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: days },
        action: { type: 'expire' },
      },
    ],
  });
}

export class ContainerRegistry extends Construct {
  readonly repositories = new Map<string, EcrRepository>();

  constructor(scope: Construct, id: string, props: ContainerRegistryProps) {
    super(scope, id);
    const { env } = props;
    const key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: 'ecr',
      description: `Container images of ${env.name}`,
    });
    for (const image of ourImages(env)) {
      const repository = new EcrRepository(this, image, {
        name: ecrRepositoryName(image),
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: key.arn }],
        forceDelete: false,
        lifecycle: { preventDestroy: true },
      });
      this.repositories.set(image, repository);
      recordNfr(
        new EcrLifecyclePolicy(this, `${image}-lifecycle`, {
          repository: repository.name,
          policy: retentionPolicy(env.registry.imageRetentionDays),
        }),
        'registry-retention',
      );
    }
  }
}
