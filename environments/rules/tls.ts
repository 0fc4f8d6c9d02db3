// Runbook §1.3 "end-to-end TLS (1.2+)": every TLS setting the model carries must honour slo.minimumTlsVersion.
import { type EnvironmentRule, violation } from './types';

export const tlsMinimumHonoured: EnvironmentRule = {
  id: 'tls-minimum-honoured',
  description:
    'CloudFront viewer TLS and managed OpenSearch can enforce slo.minimumTlsVersion (OpenSearch offers no TLS 1.3-only policy)',
  check: (env) => {
    const problems = [];
    const minimum = env.slo.minimumTlsVersion;
    const cdn = env.edge.cdn.minimumProtocolVersion;
    if (minimum === '1.3' && !cdn.startsWith('TLSv1.3_')) {
      problems.push(
        violation(
          'edge.cdn.minimumProtocolVersion',
          cdn,
          'expected a TLSv1.3_* policy because slo.minimumTlsVersion is "1.3"',
        ),
      );
    }
    if (minimum === '1.3' && env.opensearch.mode === 'managed') {
      problems.push(
        violation(
          'slo.minimumTlsVersion',
          minimum,
          'expected "1.2" while opensearch.mode is "managed" (its strongest policy is Policy-Min-TLS-1-2-PFS-2023-10)',
        ),
      );
    }
    return problems;
  },
};

export const tlsRules = [tlsMinimumHonoured];
