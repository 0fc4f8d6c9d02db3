// Shapes shared by the Kubernetes policy engine, its rules and its tests.
import type { Manifest, PolicyObject } from './manifest';

/** What a rule may look at besides the object itself: every object rendered for the same environment. */
export interface RuleContext {
  readonly env: string;
  readonly objects: readonly PolicyObject[];
}

/** A small set of objects a rule must pass (good) or fail (bad), as trivy-checks and Polaris keep theirs. */
export interface Fixture {
  readonly name: string;
  readonly objects: readonly Manifest[];
}

export interface PolicyRule {
  /** Our kebab-case id, used in findings and exceptions. */
  readonly id: string;
  /** The scanner checks this rule mirrors ("kube-score:<check>", "kube-linter:<check>", "polaris:<check>",
   * "CKV_K8S_<n>", "KSV<nnn>"); empty for project rules no scanner has. */
  readonly checkIds: readonly string[];
  /** Kinds the rule is evaluated on; every other object is skipped. */
  readonly kinds: readonly string[];
  readonly description: string;
  /** One message per problem found on `object`; an empty list is a pass. */
  check(object: PolicyObject, ctx: RuleContext): readonly string[];
  readonly good: readonly Fixture[];
  readonly bad: readonly Fixture[];
}

export interface Finding {
  readonly rule: string;
  /** "<env>/<namespace folder>/<Kind>/<name>" */
  readonly object: string;
  readonly file: string;
  readonly message: string;
}
