// CloudFront viewer side: HTTPS, TLS version, certificate, response headers (checkov Cloudfront*/CloudFront*, trivy aws/cloudfront).
import { allOf, expectAttribute, expectSet, notTrue } from '../expect';
import { change, fixture } from '../fixtures';
import type { Resource, Rule, RuleContext } from '../types';
import { show } from '../values';
import {
  behaviourName,
  compliant,
  compliantDistribution,
  compliantHeadersPolicy,
  DISTRIBUTION,
  edgeStack,
  everyBehaviour,
  HEADERS_POLICY,
  headersPolicyId,
  judgeHsts,
  withCertificate,
  withDistribution,
} from './cloudfront-common';

export const cloudfrontRules: readonly Rule[] = [
  {
    id: 'cloudfront-viewer-https',
    checkIds: ['CKV_AWS_34', 'AVD-AWS-0012'],
    resourceTypes: [DISTRIBUTION],
    severity: 'critical',
    description:
      'No cache behaviour (default or ordered) serves plain HTTP: viewer_protocol_policy is never "allow-all".',
    check: (r) =>
      everyBehaviour(
        r,
        (b) =>
          b['viewer_protocol_policy'] === 'redirect-to-https' || b['viewer_protocol_policy'] === 'https-only'
            ? undefined
            : `${behaviourName(b)} has viewer_protocol_policy ${show(b['viewer_protocol_policy'])}`,
        'every cache behaviour requires HTTPS',
      ),
    good: compliant,
    bad: [
      withDistribution('ordered behaviour allows HTTP', {
        ordered_cache_behavior: [
          {
            path_pattern: '/api/*',
            target_origin_id: 'api',
            viewer_protocol_policy: 'allow-all',
            response_headers_policy_id: headersPolicyId,
          },
        ],
      }),
      withDistribution('default behaviour allows HTTP', {
        default_cache_behavior: {
          target_origin_id: 'assets',
          viewer_protocol_policy: 'allow-all',
          response_headers_policy_id: headersPolicyId,
        },
      }),
    ],
  },
  {
    id: 'cloudfront-viewer-tls',
    checkIds: ['CKV_AWS_174', 'AVD-AWS-0013'],
    resourceTypes: [DISTRIBUTION],
    severity: 'high',
    description:
      'Viewers need TLS 1.2 or later: minimum_protocol_version TLSv1.2_YYYY or TLSv1.3_YYYY, and not the default certificate (which allows TLS 1.0).',
    check: (r) =>
      allOf(
        expectAttribute(r, 'viewer_certificate.cloudfront_default_certificate', notTrue),
        expectAttribute(r, 'viewer_certificate.minimum_protocol_version', {
          text: 'TLSv1.2_YYYY or TLSv1.3_YYYY',
          missing: 'failed',
          accepts: (v) => typeof v === 'string' && /^TLSv1\.[23]_\d{4}$/.test(v),
        }),
      ),
    good: compliant,
    bad: [
      withCertificate('TLS 1.1 allowed', { minimum_protocol_version: 'TLSv1.1_2016' }),
      withDistribution('default certificate', {
        viewer_certificate: { cloudfront_default_certificate: true },
      }),
    ],
  },
  {
    id: 'cloudfront-custom-certificate',
    checkIds: ['CKV2_AWS_42'],
    resourceTypes: [DISTRIBUTION],
    severity: 'medium',
    description:
      'The distribution serves our own ACM certificate (viewer_certificate.acm_certificate_arn), not *.cloudfront.net.',
    check: (r, ctx) =>
      allOf(
        expectSet(r, ctx, 'viewer_certificate.acm_certificate_arn'),
        expectAttribute(r, 'viewer_certificate.cloudfront_default_certificate', notTrue),
      ),
    good: compliant,
    bad: [
      withDistribution('default certificate', {
        viewer_certificate: {
          cloudfront_default_certificate: true,
          minimum_protocol_version: 'TLSv1.2_2021',
        },
      }),
    ],
  },
  {
    id: 'cloudfront-response-headers-policy',
    checkIds: ['CKV2_AWS_32'],
    resourceTypes: [DISTRIBUTION],
    severity: 'medium',
    description: 'Every cache behaviour attaches a response headers policy (response_headers_policy_id).',
    check: (r: Resource, ctx: RuleContext) =>
      everyBehaviour(
        r,
        (b) => {
          const id = b['response_headers_policy_id'];
          if (typeof id === 'string' && id !== '' && (!id.includes('${') || ctx.isResolvableToken(id)))
            return undefined;
          return `${behaviourName(b)} has no resolvable response_headers_policy_id`;
        },
        'every cache behaviour sets response headers',
      ),
    good: compliant,
    bad: [
      withDistribution('API behaviour without headers policy', {
        ordered_cache_behavior: [
          { path_pattern: '/api/*', target_origin_id: 'api', viewer_protocol_policy: 'https-only' },
        ],
      }),
    ],
  },
  {
    id: 'cloudfront-hsts',
    checkIds: ['CKV_AWS_259'],
    resourceTypes: [HEADERS_POLICY],
    severity: 'medium',
    description:
      'The response headers policy sends HSTS for at least a year with includeSubDomains, preload and override.',
    check: judgeHsts,
    good: compliant,
    bad: [
      fixture(
        'HSTS for a day',
        edgeStack(
          compliantDistribution,
          change(compliantHeadersPolicy, {
            security_headers_config: {
              strict_transport_security: {
                access_control_max_age_sec: 86400,
                include_subdomains: true,
                preload: true,
                override: true,
              },
            },
          }),
        ),
      ),
      fixture(
        'no HSTS',
        edgeStack(
          compliantDistribution,
          change(compliantHeadersPolicy, {
            security_headers_config: { content_type_options: { override: true } },
          }),
        ),
      ),
    ],
  },
];
