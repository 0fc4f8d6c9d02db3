// CloudFront in front of the frontend (runbook §1.3 "CDN ensures ≤ 3.5 s TTI"; "end-to-end TLS 1.2+"): viewers
// are redirected to HTTPS and must speak the model's minimum protocol, the origin is reached over HTTPS only, a
// response-headers policy adds HSTS from the model, logs go to the access-logs bucket, WAF filters every request.
// The distribution, its certificate and its web ACL are global resources managed through us-east-1.
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { appHost, bucketName, GRAFANA_PATH, originHost, resourcePrefix } from '../contracts';
import { recordNfr } from './nfr';

/** AWS-managed cache and origin-request policies (fixed ids published by CloudFront). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const ORIGIN_ID = 'ingress';
const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

export interface CdnProps {
  readonly env: EnvConfig;
  /** us-east-1 provider. */
  readonly provider: TerraformProvider;
  readonly certificateArn: string;
  readonly webAclArn: string;
}

export class Cdn extends Construct {
  readonly distribution: CloudfrontDistribution;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
    const { env, provider } = props;
    const cdn = env.edge.cdn;
    const headers = new CloudfrontResponseHeadersPolicy(this, 'security-headers', {
      provider,
      name: `${resourcePrefix(env)}-security-headers`,
      comment: 'HSTS and browser hardening for every response',
      securityHeadersConfig: {
        strictTransportSecurity: {
          accessControlMaxAgeSec: cdn.hstsMaxAgeSeconds,
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
        referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
      },
    });
    const behaviour = {
      targetOriginId: ORIGIN_ID,
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ALL_METHODS,
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      responseHeadersPolicyId: headers.id,
    };
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      provider,
      enabled: true,
      comment: `SkillForge ${env.name} frontend`,
      aliases: [appHost(env)],
      priceClass: cdn.priceClass,
      httpVersion: 'http2and3',
      isIpv6Enabled: true,
      webAclId: props.webAclArn,
      origin: [
        {
          originId: ORIGIN_ID,
          domainName: originHost(env),
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: 'https-only',
            originSslProtocols: ['TLSv1.2'],
          },
        },
      ],
      defaultCacheBehavior: { ...behaviour, cachePolicyId: CACHING_OPTIMIZED },
      // The API behind /api/ is personalised: never cached, every viewer header but Host passed on.
      orderedCacheBehavior: [
        {
          ...behaviour,
          pathPattern: '/api/*',
          cachePolicyId: CACHING_DISABLED,
          originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
        // Grafana, behind the same WAF (the origin admits CloudFront alone): sessions and API tokens pass, nothing
        // is cached (docs/decisions/grafana-behind-cloudfront.md).
        {
          ...behaviour,
          pathPattern: `${GRAFANA_PATH}/*`,
          cachePolicyId: CACHING_DISABLED,
          originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      ],
      viewerCertificate: {
        acmCertificateArn: props.certificateArn,
        sslSupportMethod: 'sni-only',
        minimumProtocolVersion: cdn.minimumProtocolVersion,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      loggingConfig: {
        bucket: `${bucketName(env, 'access-logs')}.s3.amazonaws.com`,
        prefix: 'cloudfront/',
        includeCookies: false,
      },
    });
    recordNfr(this.distribution, 'frontend-tti', 'tls-minimum');
  }
}
