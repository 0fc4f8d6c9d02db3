// Intent of <env>-edge and <env>-ci: CloudFront enforces the runbook's TLS and HSTS from us-east-1 behind WAF;
// GitHub Actions may deploy an environment only from that environment; images expire per runbook §1.2.
import { describe, expect, it } from 'vitest';
import { env, policyDocument, resource, resources } from './synthesized';

describe('edge', () => {
  it('serves app.<zone> over HTTPS only, TLS ≥ the model minimum, with WAF and logs', () => {
    const distribution = resource('prod', 'edge', 'aws_cloudfront_distribution', 'cdn_distribution');
    expect(distribution).toMatchObject({
      provider: 'aws.us-east-1',
      aliases: ['app.skillforge.example'],
      default_cache_behavior: { viewer_protocol_policy: 'redirect-to-https' },
      viewer_certificate: { minimum_protocol_version: 'TLSv1.2_2021', ssl_support_method: 'sni-only' },
      web_acl_id: '${aws_wafv2_web_acl.waf_acl.arn}',
      logging_config: { bucket: 'skillforge-prod-access-logs-333333333333.s3.amazonaws.com' },
      origin: [
        {
          domain_name: 'origin.skillforge.example',
          custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] },
        },
      ],
    });
    expect(resource('dev', 'edge', 'aws_cloudfront_distribution', 'cdn_distribution')['aliases']).toEqual([
      'app.dev.skillforge.example',
    ]);
  });

  it('sends HSTS for the model’s max-age with subdomains and preload', () => {
    expect(
      resource('prod', 'edge', 'aws_cloudfront_response_headers_policy', 'cdn_security-headers'),
    ).toMatchObject({
      security_headers_config: {
        strict_transport_security: {
          access_control_max_age_sec: env('prod').edge.cdn.hstsMaxAgeSeconds,
          include_subdomains: true,
          preload: true,
          override: true,
        },
      },
    });
  });

  it('rate-limits per IP at the model’s limit, in the CloudFront scope (us-east-1)', () => {
    const acl = resource('prod', 'edge', 'aws_wafv2_web_acl', 'waf_acl');
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', provider: 'aws.us-east-1' });
    expect((acl['rule'] as Record<string, unknown>[])[0]!['statement']).toEqual({
      rate_based_statement: { limit: 2000, aggregate_key_type: 'IP' },
    });
  });

  it('issues the certificate in us-east-1 and validates it through the public zone', () => {
    expect(resource('prod', 'edge', 'aws_acm_certificate', 'certificate')).toMatchObject({
      provider: 'aws.us-east-1',
      domain_name: 'app.skillforge.example',
      validation_method: 'DNS',
    });
    expect(resource('prod', 'edge', 'aws_route53_zone', 'public-zone')['name']).toBe('skillforge.example');
  });
});

describe('ci', () => {
  it('lets only the environment’s GitHub environment assume the deploy role', () => {
    const role = resource('prod', 'bootstrap', 'aws_iam_role', 'github_role');
    expect(role['name']).toBe('skillforge-prod-ci-deploy');
    expect(policyDocument('prod', 'bootstrap', role['assume_role_policy'])[0]!['condition']).toEqual([
      {
        test: 'StringEquals',
        variable: 'token.actions.githubusercontent.com:sub',
        values: ['repo:skillforge/platform:environment:production'],
      },
      {
        test: 'StringEquals',
        variable: 'token.actions.githubusercontent.com:aud',
        values: ['sts.amazonaws.com'],
      },
    ]);
  });

  it('limits state access to this environment’s stacks', () => {
    const policy = resource('staging', 'bootstrap', 'aws_iam_role_policy', 'github_policy');
    const objects = policyDocument('staging', 'bootstrap', policy['policy'])[1]!;
    expect(objects['resources']).toContain(
      'arn:aws:s3:::skillforge-staging-tfstate-222222222222/staging-data/terraform.tfstate',
    );
    expect((objects['resources'] as string[]).every((arn) => arn.includes('/staging-'))).toBe(true);
  });

  it('keeps images 90 days outside prod and 365 days in prod (runbook §1.2)', () => {
    const days = (name: string) =>
      Object.values(resources(name, 'ci', 'aws_ecr_lifecycle_policy')).map(
        (p) => JSON.parse(String(p['policy'])).rules[0].selection.countNumber as number,
      );
    expect(new Set(days('dev'))).toEqual(new Set([90]));
    expect(new Set(days('staging'))).toEqual(new Set([90]));
    expect(new Set(days('prod'))).toEqual(new Set([365]));
    expect(days('prod')).toHaveLength(11);
  });

  it('makes every repository immutable, scanned on push and KMS-encrypted', () => {
    for (const repository of Object.values(resources('prod', 'ci', 'aws_ecr_repository'))) {
      expect(repository).toMatchObject({
        image_tag_mutability: 'IMMUTABLE',
        image_scanning_configuration: { scan_on_push: true },
        encryption_configuration: [
          { encryption_type: 'KMS', kms_key: '${aws_kms_key.registry_key_key.arn}' },
        ],
      });
    }
  });
});
