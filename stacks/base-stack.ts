// Every stack of an environment: its own encrypted S3 state with S3-native locking, an AWS provider pinned to
// the environment's account, and tags that say where a resource comes from.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformElement, TerraformStack } from 'cdktf';
import type { Construct, Node } from 'constructs';
import type { EnvConfig } from '../environments';
import {
  resourcePrefix,
  stackId,
  stateBucketName,
  stateKey,
  type TerraformLayer,
} from '../constructs/contracts';

export interface SkillforgeStackProps {
  readonly env: EnvConfig;
  /** A deployed layer (S3 state), or the one-time bootstrap stack that creates the state bucket (local state). */
  readonly layer: TerraformLayer | 'bootstrap';
}

/**
 * Where the bootstrap stack keeps its local state, relative to the stack's working directory
 * (cdktf.out/stacks/<stack>): outside cdktf.out, so a re-synth does not lose it. See docs/aws.md.
 */
export const bootstrapStatePath = (stack: string): string => `../../../.terraform-bootstrap/${stack}.tfstate`;

export class SkillforgeStack extends TerraformStack {
  readonly env: EnvConfig;
  private readonly layer: string;

  constructor(scope: Construct, props: SkillforgeStackProps) {
    const id = stackId(props.env, props.layer);
    super(scope, id);
    this.env = props.env;
    this.layer = props.layer;
    if (props.layer === 'bootstrap') {
      // The state bucket cannot hold the state of the stack that creates it.
      new LocalBackend(this, { path: bootstrapStatePath(id) });
    } else {
      new S3Backend(this, {
        bucket: stateBucketName(props.env),
        key: stateKey(id),
        region: props.env.aws.region,
        encrypt: true,
      });
      // cdktf 0.21's S3BackendConfig has no useLockfile; Terraform ≥ 1.10 locks with a lock object next to the state.
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }
    new AwsProvider(this, 'aws', {
      region: props.env.aws.region,
      allowedAccountIds: [props.env.aws.accountId],
      defaultTags: [{ tags: defaultTags(props.env, props.layer) }],
    });
  }

  /** An aliased provider for another region of the same account (DR replicas; us-east-1 for CloudFront). */
  protected regionalProvider(alias: string, region: string): AwsProvider {
    return new AwsProvider(this, `aws-${alias}`, {
      alias,
      region,
      allowedAccountIds: [this.env.aws.accountId],
      defaultTags: [{ tags: defaultTags(this.env, this.layer) }],
    });
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    return readableLogicalId(element, this);
  }
}

/**
 * Terraform addresses are the construct path joined with "_" (aws_db_instance.data_postgres_primary) instead of
 * cdktf's hashed ids: readable in plans and reviews, and stable as long as construct ids are, which is the contract
 * `npm run review` guards.
 */
function readableLogicalId(element: TerraformElement | Node, stack: TerraformStack): string {
  const node = TerraformElement.isTerraformElement(element) ? element.node : element;
  const scopes = node.scopes;
  return scopes
    .slice(scopes.indexOf(stack) + 1)
    .map((scope) => scope.node.id.replace(/[^A-Za-z0-9_-]/g, '_'))
    .join('_');
}

export function defaultTags(env: EnvConfig, layer: string): Record<string, string> {
  return {
    'skillforge:environment': env.name,
    'skillforge:layer': layer,
    'skillforge:managed-by': 'cdktf',
    'skillforge:name-prefix': resourcePrefix(env),
  };
}
