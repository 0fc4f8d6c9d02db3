// Shapes shared by the AWS policy engine, its rules and its tests.
import type { PolicyException } from '../shared/exceptions';
import type { ParsedPolicy } from './policy';

/** Attributes of one resource or data block, exactly as CDKTF wrote them (snake_case keys). */
export type Attributes = Readonly<Record<string, unknown>>;

/** `{ "<type>": { "<name>": { …attributes } } }`, the shape of both `resource` and `data`. */
export type BlocksByType = Readonly<Record<string, Readonly<Record<string, Attributes>>>>;

/** A Terraform JSON document as CDKTF writes it to `cdk.tf.json`. */
export interface TerraformJsonDocument {
  readonly resource?: BlocksByType;
  readonly data?: BlocksByType;
  readonly [section: string]: unknown;
}

/** One synthesized stack: `deploy/<env>/terraform/<stack>/cdk.tf.json`. */
export interface RenderedStack {
  readonly env: string;
  readonly stack: string;
  readonly document: TerraformJsonDocument;
}

export interface Resource {
  readonly env: string;
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  /** Terraform address inside the stack: "<type>.<name>". */
  readonly address: string;
  readonly values: Attributes;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly message: string;
}

/** What a rule may ask about the stack a resource lives in (checkov's graph, limited to one stack). */
export interface RuleContext {
  readonly env: string;
  readonly stack: string;
  resourcesOfType(type: string): readonly Resource[];
  /** The resource a whole-string reference such as "${aws_kms_key.data.arn}" points at, if it is in this stack. */
  resolve(value: unknown): Resource | undefined;
  /** Resources of `sourceType` whose `attribute` (a dotted block path) references `target`. */
  referencing(target: Resource, sourceType: string, attribute: string): readonly Resource[];
  /** True when every reference inside a token points at a resource or data block of this stack. */
  isResolvableToken(text: string): boolean;
  /** A JSON-string, `jsonencode(…)` or `data.aws_iam_policy_document` policy, parsed into statements. */
  policy(value: unknown): ParsedPolicy;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** A minimal Terraform JSON document a rule must pass (good) or fail (bad), as in trivy-checks' examples. */
export interface Fixture {
  readonly name: string;
  readonly document: TerraformJsonDocument;
}

export interface Rule {
  /** Our kebab-case id, used in exceptions and messages. */
  readonly id: string;
  /** checkov (CKV_AWS_*, CKV2_AWS_*) and trivy (AVD-AWS-*) ids this rule enforces; empty for project rules. */
  readonly checkIds: readonly string[];
  readonly resourceTypes: readonly string[];
  readonly severity: Severity;
  readonly description: string;
  check(resource: Resource, ctx: RuleContext): CheckResult;
  readonly good: readonly Fixture[];
  readonly bad: readonly Fixture[];
}

export interface Finding {
  readonly ruleId: string;
  readonly checkIds: readonly string[];
  readonly env: string;
  readonly stack: string;
  readonly address: string;
  readonly status: CheckStatus;
  readonly message: string;
  /** Set when a failed finding was excused by a valid exception (its status is then "skipped"). */
  readonly exception?: PolicyException;
}
