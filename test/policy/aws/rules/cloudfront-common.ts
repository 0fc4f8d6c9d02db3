// What the CloudFront rule modules share: a compliant edge stack to derive fixtures from, and cache-behaviour helpers.
import { allOf, atLeast, expectAttribute, failed, isTrue, passed } from '../expect';
import { change, fixture, ref } from '../fixtures';
import type { Attributes, CheckResult, Resource } from '../types';
import { blocks, lookup, referencesIn, show } from '../values';

export const DISTRIBUTION = 'aws_cloudfront_distribution';
export const HEADERS_POLICY = 'aws_cloudfront_response_headers_policy';
export const headersPolicyId = ref(HEADERS_POLICY, 'security', 'id');

export const compliantHeadersPolicy: Attributes = {
  name: 'skillforge-security-headers',
  security_headers_config: {
    strict_transport_security: {
      access_control_max_age_sec: 63072000,
      include_subdomains: true,
      preload: true,
      override: true,
    },
    content_type_options: { override: true },
  },
};

export const compliantDistribution: Attributes = {
  enabled: true,
  aliases: ['app.skillforge.example'],
  default_root_object: 'index.html',
  web_acl_id: ref('aws_wafv2_web_acl', 'edge', 'arn'),
  origin: [
    {
      origin_id: 'assets',
      domain_name: ref('aws_s3_bucket', 'assets', 'bucket_regional_domain_name'),
      origin_access_control_id: ref('aws_cloudfront_origin_access_control', 'assets', 'id'),
    },
    {
      origin_id: 'api',
      domain_name: 'api.skillforge.example',
      custom_origin_config: {
        http_port: 80,
        https_port: 443,
        origin_protocol_policy: 'https-only',
        origin_ssl_protocols: ['TLSv1.2'],
      },
    },
  ],
  default_cache_behavior: {
    target_origin_id: 'assets',
    viewer_protocol_policy: 'redirect-to-https',
    response_headers_policy_id: headersPolicyId,
  },
  ordered_cache_behavior: [
    {
      path_pattern: '/api/*',
      target_origin_id: 'api',
      viewer_protocol_policy: 'https-only',
      response_headers_policy_id: headersPolicyId,
    },
  ],
  viewer_certificate: {
    acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c',
    ssl_support_method: 'sni-only',
    minimum_protocol_version: 'TLSv1.2_2021',
  },
  logging_config: { bucket: 'skillforge-prod-cdn-logs.s3.amazonaws.com', include_cookies: false },
  restrictions: { geo_restriction: { restriction_type: 'none' } },
};

export function edgeStack(distribution: Attributes, headersPolicy: Attributes = compliantHeadersPolicy) {
  return {
    aws_s3_bucket: { assets: { bucket: 'skillforge-prod-assets' } },
    aws_cloudfront_origin_access_control: {
      assets: {
        name: 'assets',
        origin_access_control_origin_type: 's3',
        signing_behavior: 'always',
        signing_protocol: 'sigv4',
      },
    },
    aws_wafv2_web_acl: { edge: { name: 'skillforge-edge', scope: 'CLOUDFRONT' } },
    [HEADERS_POLICY]: { security: headersPolicy },
    [DISTRIBUTION]: { cdn: distribution },
  };
}

export const compliant = [fixture('compliant distribution', edgeStack(compliantDistribution))];
export const withDistribution = (name: string, changes: Readonly<Record<string, unknown>>) =>
  fixture(name, edgeStack(change(compliantDistribution, changes)));
export const withCertificate = (name: string, changes: Readonly<Record<string, unknown>>) =>
  withDistribution(name, {
    viewer_certificate: change(blocks(compliantDistribution['viewer_certificate'])[0] ?? {}, changes),
  });

export function cacheBehaviours(r: Resource): Attributes[] {
  return [...blocks(r.values['default_cache_behavior']), ...blocks(r.values['ordered_cache_behavior'])];
}

export function behaviourName(behaviour: Attributes): string {
  return behaviour['path_pattern'] === undefined
    ? 'default_cache_behavior'
    : `behaviour ${show(behaviour['path_pattern'])}`;
}

/** An S3 origin: its domain references a bucket of the stack or is an S3 endpoint name. */
export function isS3Origin(origin: Attributes): boolean {
  const domain = origin['domain_name'];
  return (
    referencesIn(domain).some((r) => r.type === 'aws_s3_bucket') ||
    (typeof domain === 'string' && /\.s3[.-]/.test(domain))
  );
}

export function judgeHsts(r: Resource): CheckResult {
  const path = 'security_headers_config.strict_transport_security';
  if (lookup(r.values, path).kind === 'missing') return failed(`${path} is not set`);
  return allOf(
    expectAttribute(r, `${path}.access_control_max_age_sec`, atLeast(31536000)),
    expectAttribute(r, `${path}.include_subdomains`, isTrue),
    expectAttribute(r, `${path}.preload`, isTrue),
    expectAttribute(r, `${path}.override`, isTrue),
  );
}

export function everyBehaviour(
  r: Resource,
  judge: (behaviour: Attributes) => string | undefined,
  ok: string,
): CheckResult {
  const problems = cacheBehaviours(r).flatMap((b) => judge(b) ?? []);
  return problems.length === 0 ? passed(ok) : failed(problems.join('; '));
}
