// The cross-field rules this issue added to the model, each failing with the message an operator sees.
import { describe, expect, it } from 'vitest';
import { environmentRegistry, type EnvironmentRegistry, loadRegistry } from '../../environments';

function withProd(changes: Record<string, unknown>): EnvironmentRegistry {
  return { ...environmentRegistry, prod: { ...environmentRegistry.prod, ...changes } } as EnvironmentRegistry;
}

describe('model rules for AWS', () => {
  it('accepts the real registry', () => {
    expect([...loadRegistry().keys()]).toEqual(['dev', 'staging', 'prod']);
  });

  it('fails when slo.minimumTlsVersion is 1.3 but CloudFront allows TLS 1.2 and OpenSearch is managed', () => {
    expect(() => loadRegistry(withProd({ slo: { minimumTlsVersion: '1.3' } }))).toThrow(
      'environment "prod": edge.cdn.minimumProtocolVersion: got "TLSv1.2_2021"; expected a TLSv1.3_* policy because slo.minimumTlsVersion is "1.3"\n' +
        'environment "prod": slo.minimumTlsVersion: got "1.3"; expected "1.2" while opensearch.mode is "managed" (its strongest policy is Policy-Min-TLS-1-2-PFS-2023-10)',
    );
  });

  it('fails when the RPO is shorter than S3 Replication Time Control can replicate', () => {
    expect(() => loadRegistry(withProd({ slo: { rpoMinutes: 10 } }))).toThrow(
      'environment "prod": slo.rpoMinutes: got 10; expected ≥ 15 (S3 Replication Time Control replicates within 15 minutes)',
    );
  });

  it('fails when postgres.logStatement is not a PostgreSQL log_statement value', () => {
    expect(() =>
      loadRegistry(
        withProd({ postgres: { ...environmentRegistry.prod.postgres, logStatement: 'everything' } }),
      ),
    ).toThrow(
      'environment "prod": postgres.logStatement: got "everything"; expected one of "none"|"ddl"|"mod"|"all"',
    );
  });
});
