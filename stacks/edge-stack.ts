// <env>-edge: the public zone, the frontend's certificate (DNS-validated), the WAF and the CloudFront
// distribution, and the app host's alias records. CloudFront, its certificate and its web ACL are managed through
// an aliased us-east-1 provider. The ingress origin (origin.<zone>) is published by external-dns from the cluster.
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { TerraformIterator } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { appHost, publicZone } from '../constructs/contracts';
import { Cdn } from '../constructs/aws/cdn';
import { WebAcl } from '../constructs/aws/web-acl';
import { SkillforgeStack } from './base-stack';

/** CloudFront's certificates and web ACLs must be in this region. */
export const CLOUDFRONT_REGION = 'us-east-1';
/** Validation records only matter until ACM has validated; a short TTL lets a re-issue validate quickly. */
const VALIDATION_TTL_SECONDS = 60;

export class EdgeStack extends SkillforgeStack {
  readonly cdn: Cdn;

  constructor(scope: Construct, env: EnvConfig) {
    super(scope, { env, layer: 'edge' });
    const global = this.regionalProvider('us-east-1', CLOUDFRONT_REGION);
    const zone = new Route53Zone(this, 'public-zone', {
      name: publicZone(env),
      comment: `Public names of SkillForge ${env.name}`,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    const certificate = new AcmCertificate(this, 'certificate', {
      provider: global,
      domainName: appHost(env),
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(certificate.domainValidationOptions, 'domain_name');
    const validationRecords = new Route53Record(this, 'certificate-validation-records', {
      forEach: options,
      zoneId: zone.zoneId,
      name: options.getString('resource_record_name'),
      type: options.getString('resource_record_type'),
      records: [options.getString('resource_record_value')],
      ttl: VALIDATION_TTL_SECONDS,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, 'certificate-validation', {
      provider: global,
      certificateArn: certificate.arn,
      dependsOn: [validationRecords],
    });
    const waf = new WebAcl(this, 'waf', { env, provider: global });
    this.cdn = new Cdn(this, 'cdn', {
      env,
      provider: global,
      certificateArn: validation.certificateArn,
      webAclArn: waf.acl.arn,
    });
    for (const type of ['A', 'AAAA']) {
      new Route53Record(this, `app-${type.toLowerCase()}`, {
        zoneId: zone.zoneId,
        name: appHost(env),
        type,
        alias: {
          name: this.cdn.distribution.domainName,
          zoneId: this.cdn.distribution.hostedZoneId,
          evaluateTargetHealth: false,
        },
      });
    }
  }
}
