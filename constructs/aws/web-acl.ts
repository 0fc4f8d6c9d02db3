// The WAFv2 web ACL in front of CloudFront (scope CLOUDFRONT, so it lives in us-east-1): the model's per-IP rate
// limit plus AWS's managed common and known-bad-input rule sets.
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { resourcePrefix } from '../contracts';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

export interface WebAclProps {
  readonly env: EnvConfig;
  /** The us-east-1 provider (CloudFront web ACLs exist only there). */
  readonly provider: TerraformProvider;
}

export class WebAcl extends Construct {
  readonly acl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const { env } = props;
    const name = `${resourcePrefix(env)}-edge`;
    const visibility = (metric: string) => ({
      cloudwatchMetricsEnabled: true,
      metricName: metric,
      sampledRequestsEnabled: true,
    });
    this.acl = new Wafv2WebAcl(this, 'acl', {
      provider: props.provider,
      name,
      description: `CloudFront protection for ${env.name}`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rule: [
        {
          name: 'rate-limit-per-ip',
          priority: 0,
          action: { block: {} },
          // Statements are free-form in the provider binding, so they are written in Terraform's own keys.
          statement: {
            rate_based_statement: { limit: env.edge.waf.rateLimitPer5Minutes, aggregate_key_type: 'IP' },
          },
          visibilityConfig: visibility(`${name}-rate-limit`),
        },
        ...MANAGED_RULE_GROUPS.map((group, index) => ({
          name: group,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: { managed_rule_group_statement: { name: group, vendor_name: 'AWS' } },
          visibilityConfig: visibility(`${name}-${group}`),
        })),
      ],
    });
  }
}
