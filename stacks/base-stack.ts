// Every stack of an environment: its own S3 state encrypted with the state key and locked S3-natively, an AWS
// provider pinned to the environment's account, tags that say where a resource comes from, and the permissions
// boundary on every IAM role a deployed layer creates.
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Aspects, LocalBackend, S3Backend, TerraformElement, TerraformStack } from 'cdktf';
import type { Construct, IConstruct, Node } from 'constructs';
import type { EnvConfig } from '../environments';
import {
  defaultTags,
  permissionsBoundaryArn,
  stackId,
  stateBucketName,
  stateKey,
  stateKeyArn,
  type TerraformLayer,
} from '../constructs/contracts';

/**
 * S3-native locking (`use_lockfile`) is generally available from Terraform 1.11 (experimental in 1.10):
 * https://developer.hashicorp.com/terraform/language/v1.11.x/upgrade-guides, "S3 Native State Locking".
 */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.11';

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
  /** Terraform versions this stack needs (deployed layers: S3-native locking); none for the local bootstrap. */
  readonly requiredVersion?: string;
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
        // Without it Terraform writes every state version with SSE-S3, whatever the bucket's default says.
        kmsKeyId: stateKeyArn(props.env),
      });
      // cdktf 0.21's S3BackendConfig has no useLockfile; Terraform locks with a lock object next to the state.
      this.addOverride('terraform.backend.s3.use_lockfile', true);
      // The version constraint is rendered as versions.tf next to cdk.tf.json (stacks/render.ts): checkov's
      // terraform_json parser (3.3.x) fails on a string in the terraform block and would skip the whole stack.
      this.requiredVersion = REQUIRED_TERRAFORM_VERSION;
      // Roles of deployed layers are created by the deploy role, which may only create roles that carry it.
      Aspects.of(this).add(new PermissionsBoundary(permissionsBoundaryArn(props.env)));
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

/** Sets the environment's permissions boundary on every IAM role of the stack (constructs/aws/permissions-boundary.ts). */
class PermissionsBoundary {
  constructor(private readonly arn: string) {}

  visit(node: IConstruct): void {
    if (node instanceof IamRole) node.permissionsBoundary = this.arn;
  }
}
