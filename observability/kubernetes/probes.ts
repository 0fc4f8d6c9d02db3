// Blackbox exporter Probe objects for the public endpoints (runbook §1.3 synthetic uptime checks): one per public
// service, https://<appHost><ingressPath>, every observability.probeIntervalSeconds, labelled with the service so
// probe_success reads per service.
import { appHost, blackboxExporter, label, publicServices } from '../../constructs/contracts';
import type { EnvConfig } from '../../environments';
import { duration } from '../promql';
import { objectMeta } from './metadata';

export const probeTarget = (env: EnvConfig, ingressPath: string | undefined): string =>
  `https://${appHost(env)}${ingressPath ?? '/'}`;

export function probes(env: EnvConfig): { name: string; manifest: Record<string, unknown> }[] {
  return publicServices(env).map((service) => ({
    name: service.name,
    manifest: probe(env, service.name, service.ingressPath),
  }));
}

function probe(env: EnvConfig, service: string, ingressPath: string | undefined): Record<string, unknown> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Probe',
    metadata: objectMeta(service, 'synthetic-uptime', ['alert-synthetic-uptime', 'availability-target']),
    spec: {
      jobName: 'synthetic-uptime',
      // Its own interval, not the scrape interval: it decides how much one failed probe weighs in the uptime window.
      interval: duration(env.observability.probeIntervalSeconds),
      module: blackboxExporter.module,
      prober: {
        url: `${blackboxExporter.service}.${blackboxExporter.namespace}.svc:${blackboxExporter.port}`,
      },
      targets: {
        staticConfig: {
          static: [probeTarget(env, ingressPath)],
          labels: { [label.service]: service },
        },
      },
    },
  };
}
