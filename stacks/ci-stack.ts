// <env>-ci: the ECR repositories CI pushes images to (runbook §1.2 "CI artifacts"). The GitHub OIDC provider and
// the CI roles live in <env>-bootstrap, out of the deploy role's reach.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { ContainerRegistry } from '../constructs/aws/container-registry';
import { SkillforgeStack } from './base-stack';

export class CiStack extends SkillforgeStack {
  readonly registry: ContainerRegistry;

  constructor(scope: Construct, env: EnvConfig) {
    super(scope, { env, layer: 'ci' });
    this.registry = new ContainerRegistry(this, 'registry', { env });
  }
}
