// The platform's Helm sources: one per platformCharts entry, pinned, with values computed from the model (IRSA
// role ARNs from the same contract as IAM, retention, the env label, PagerDuty key files, the domain).
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import { publicZone, roleArnFor } from '../../constructs/contracts';
import { platformHelmSources } from '../../charts/platform/helm-sources';
import { at, envWith } from './support';

const prod = loadEnvironment('prod');
const sources = platformHelmSources(prod);
const valuesOf = (name: string) => sources.find((source) => source.name === name)!.values;

describe('platformHelmSources', () => {
  it('returns every platformCharts entry with its repository, chart, pinned version and namespace', () => {
    expect(sources.map(({ values: _values, ...source }) => source)).toEqual(
      Object.entries(prod.platformCharts)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, chart]) => ({ name, ...chart })),
    );
    expect(sources.every((source) => /^v?\d+\.\d+\.\d+$/.test(source.version))).toBe(true);
  });

  it('ships every pod log to the Loki of the same cluster, labelled with the environment', () => {
    expect(valuesOf('promtail')).toMatchObject({
      config: {
        clients: [
          {
            url: 'http://loki.observability.svc.cluster.local:3100/loki/api/v1/push',
            external_labels: { env: 'prod' },
          },
        ],
      },
    });
  });

  it('annotates controller service accounts with the roles the IAM side creates for them', () => {
    for (const [chart, namespace, account] of [
      ['cert-manager', 'platform', 'cert-manager'],
      ['external-dns', 'platform', 'external-dns'],
      ['external-secrets', 'platform', 'external-secrets'],
      ['aws-load-balancer-controller', 'platform', 'aws-load-balancer-controller'],
      ['loki', 'observability', 'loki'],
      ['tempo', 'observability', 'tempo'],
      ['cloudwatch-exporter', 'observability', 'cloudwatch-exporter'],
    ] as const) {
      expect(at(valuesOf(chart), 'serviceAccount'), chart).toEqual({
        create: true,
        name: account,
        annotations: { 'eks.amazonaws.com/role-arn': roleArnFor(prod, namespace, account) },
      });
    }
  });

  it('keeps metrics, logs and traces as long as the model says and labels every series with the environment', () => {
    const prometheus = at(valuesOf('kube-prometheus-stack'), 'prometheus.prometheusSpec');
    expect(prometheus).toMatchObject({
      retention: '15d',
      scrapeInterval: '30s',
      externalLabels: { env: 'prod' },
      remoteWrite: [{ url: prod.observability.sharedPrometheusUrl }],
    });
    expect(at(valuesOf('loki'), 'loki.limits_config.retention_period')).toBe('720h');
    expect(at(valuesOf('tempo'), 'tempo.retention')).toBe('336h');
    const changed = platformHelmSources(envWith('prod', { observability: { lokiRetentionDays: 21 } }));
    expect(at(changed.find((s) => s.name === 'loki')!.values, 'loki.limits_config.retention_period')).toBe(
      '504h',
    );
  });

  it('mounts the PagerDuty key secrets where the model says Alertmanager reads them', () => {
    expect(at(valuesOf('kube-prometheus-stack'), 'alertmanager.alertmanagerSpec.secrets')).toEqual([
      'pagerduty-p1',
      'pagerduty-p2',
    ]);
    expect(prod.observability.pagerDuty.p1RoutingKeyFile).toBe(
      '/etc/alertmanager/secrets/pagerduty-p1/routing-key',
    );
  });

  it('scopes DNS and TLS to the environment domain and minimum TLS version', () => {
    expect(at(valuesOf('external-dns'), 'domainFilters')).toEqual([publicZone(prod)]);
    expect(at(valuesOf('ingress-nginx'), 'controller.config.ssl-protocols')).toBe('TLSv1.2 TLSv1.3');
    expect(at(valuesOf('istiod'), 'meshConfig.meshMTLS.minProtocolVersion')).toBe('TLSV1_2');
    // dev: its in-cluster OpenSearch does not cap TLS at 1.2 as the managed domain does.
    const strict = platformHelmSources(
      envWith('dev', {
        slo: { minimumTlsVersion: '1.3' },
        edge: { cdn: { minimumProtocolVersion: 'TLSv1.3_2025' } },
      }),
    );
    expect(
      at(strict.find((s) => s.name === 'ingress-nginx')!.values, 'controller.config.ssl-protocols'),
    ).toBe('TLSv1.3');
  });

  it('fails for a chart that has no values builder, naming the chart', () => {
    const env = envWith('dev', {
      platformCharts: {
        reloader: {
          repoURL: 'https://stakater.github.io/stakater-charts',
          chart: 'reloader',
          version: '1.2.0',
          namespace: 'platform',
        },
      },
    });
    expect(() => platformHelmSources(env)).toThrow(
      'dev: platformCharts.reloader has no values builder; add one to charts/platform/helm-sources.ts',
    );
  });
});
