// <env>-ci: what CI needs before anything else: the GitHub Actions OIDC provider and deploy role, and the ECR
// repositories it pushes images to (runbook §1.2 "CI artifacts").
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { ContainerRegistry } from '../constructs/aws/container-registry';
import { GithubDeployRole } from '../constructs/aws/github-deploy-role';
import { SkillforgeStack } from './base-stack';

export class CiStack extends SkillforgeStack {
  readonly deployRole: GithubDeployRole;
  readonly registry: ContainerRegistry;

  constructor(scope: Construct, env: EnvConfig) {
    super(scope, { env, layer: 'ci' });
    this.deployRole = new GithubDeployRole(this, 'github', { env });
    this.registry = new ContainerRegistry(this, 'registry', { env });
  }
}
