// IAM policies a component publishes, kept verbatim under constructs/aws/upstream/ (see its README for where each
// came from) and turned into the statement shape the policy documents take. A role built from one grants exactly
// what the component's maintainers say it needs; test/aws/iam simulates every upstream statement against it.
import loadBalancerControllerPolicy from './upstream/aws-load-balancer-controller-iam-policy.json';
import type { PolicyStatement } from './secure-bucket';

interface JsonStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

const list = (value: string | readonly string[]): string[] =>
  typeof value === 'string' ? [value] : [...value];

/** A published JSON policy as statements; only Allow/Deny with Action and Resource occur in these documents. */
export function statementsOf(document: { readonly Statement: readonly JsonStatement[] }): PolicyStatement[] {
  return document.Statement.map((statement) => {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      throw new Error(`upstream statement with Effect ${statement.Effect}`);
    }
    const conditions = Object.entries(statement.Condition ?? {}).flatMap(([test, variables]) =>
      Object.entries(variables).map(([variable, values]) => ({ test, variable, values: list(values) })),
    );
    return {
      sid: statement.Sid,
      effect: statement.Effect,
      principals: [],
      actions: list(statement.Action),
      resources: list(statement.Resource),
      condition: conditions.length > 0 ? conditions : undefined,
    };
  });
}

/** The AWS Load Balancer Controller's policy for the chart version the model pins (platformCharts). */
export const loadBalancerControllerStatements = (): PolicyStatement[] =>
  statementsOf(loadBalancerControllerPolicy as { Statement: JsonStatement[] });

/** The chart version the vendored policy belongs to; test/aws/iam fails when the model pins another. */
export const LOAD_BALANCER_CONTROLLER_POLICY_CHART_VERSION = '3.4.0';
