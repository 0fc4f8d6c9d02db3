// CloudFront origins, access logs and WAF (checkov Cloudfront*/CloudFront*, trivy aws/cloudfront).
import { expectSet, failed, passed } from '../expect';
import { ref } from '../fixtures';
import type { Rule } from '../types';
import { asStrings, blocks, show } from '../values';
import { compliant, DISTRIBUTION, isS3Origin, withDistribution } from './cloudfront-common';

export const cloudfrontOriginRules: readonly Rule[] = [
  {
    id: 'cloudfront-access-logging',
    checkIds: ['CKV_AWS_86', 'AVD-AWS-0010'],
    resourceTypes: [DISTRIBUTION],
    severity: 'medium',
    description: 'Standard access logs are written (logging_config.bucket set).',
    check: (r, ctx) => expectSet(r, ctx, 'logging_config.bucket'),
    good: compliant,
    bad: [withDistribution('no access logs', { logging_config: undefined })],
  },
  {
    id: 'cloudfront-waf',
    checkIds: ['CKV_AWS_68', 'AVD-AWS-0011'],
    resourceTypes: [DISTRIBUTION],
    severity: 'high',
    description: 'A WAFv2 web ACL fronts the distribution (web_acl_id set).',
    check: (r, ctx) => expectSet(r, ctx, 'web_acl_id'),
    good: compliant,
    bad: [withDistribution('no WAF', { web_acl_id: undefined })],
  },
  {
    id: 'cloudfront-s3-origin-access',
    checkIds: ['CKV2_AWS_46'],
    resourceTypes: [DISTRIBUTION],
    severity: 'high',
    description:
      'S3 origins are read through origin access control (origin_access_control_id) or an OAI, never as a public bucket.',
    check: (r) => {
      const s3Origins = blocks(r.values['origin']).filter(isS3Origin);
      if (s3Origins.length === 0) return passed('no S3 origins');
      const open = s3Origins.filter(
        (o) =>
          o['origin_access_control_id'] === undefined &&
          blocks(o['s3_origin_config'])[0]?.['origin_access_identity'] === undefined,
      );
      return open.length === 0
        ? passed('every S3 origin uses origin access control')
        : failed(
            `S3 origin ${open.map((o) => show(o['origin_id'])).join(', ')} has neither origin_access_control_id nor s3_origin_config`,
          );
    },
    good: compliant,
    bad: [
      withDistribution('public-bucket origin', {
        origin: {
          origin_id: 'assets',
          domain_name: ref('aws_s3_bucket', 'assets', 'bucket_regional_domain_name'),
        },
      }),
    ],
  },
  {
    id: 'cloudfront-origin-https',
    checkIds: ['CKV2_AWS_72', 'CKV2_AWS_54'],
    resourceTypes: [DISTRIBUTION],
    severity: 'high',
    description:
      'Custom origins are reached over HTTPS only (origin_protocol_policy "https-only") with TLS 1.2 (no SSLv3, TLSv1, TLSv1.1).',
    check: (r) => {
      const problems = blocks(r.values['origin']).flatMap((origin) => {
        const custom = blocks(origin['custom_origin_config'])[0];
        if (custom === undefined) return [];
        const weak = (asStrings(custom['origin_ssl_protocols']) ?? []).filter((p) => p !== 'TLSv1.2');
        return [
          ...(custom['origin_protocol_policy'] === 'https-only'
            ? []
            : [
                `origin ${show(origin['origin_id'])} has origin_protocol_policy ${show(custom['origin_protocol_policy'])}`,
              ]),
          ...(weak.length === 0 ? [] : [`origin ${show(origin['origin_id'])} allows ${weak.join(', ')}`]),
        ];
      });
      return problems.length === 0
        ? passed('custom origins use HTTPS with TLS 1.2')
        : failed(problems.join('; '));
    },
    good: compliant,
    bad: [
      withDistribution('origin over HTTP', {
        origin: {
          origin_id: 'api',
          domain_name: 'api.skillforge.example',
          custom_origin_config: {
            http_port: 80,
            https_port: 443,
            origin_protocol_policy: 'match-viewer',
            origin_ssl_protocols: ['TLSv1.2'],
          },
        },
      }),
      withDistribution('origin allows TLS 1.0', {
        origin: {
          origin_id: 'api',
          domain_name: 'api.skillforge.example',
          custom_origin_config: {
            http_port: 80,
            https_port: 443,
            origin_protocol_policy: 'https-only',
            origin_ssl_protocols: ['TLSv1', 'TLSv1.2'],
          },
        },
      }),
    ],
  },
];
