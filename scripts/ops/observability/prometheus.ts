// Instant queries against the shared Prometheus (runbook §4.4: every environment remote-writes to it, and every
// series carries an `env` label). A dry run prints the equivalent curl line.
import type { EnvConfig } from '../../../environments';
import { command, type CommandLine } from '../runner/shell';

export interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The query API next to the model's remote-write URL, unless --prometheus-url points elsewhere (a port-forward). */
/** The --prometheus-url option of every command that reads Prometheus. */
export const prometheusUrlOption = {
  'prometheus-url': {
    type: 'string',
    value: '<url>',
    description: 'query API (default: the shared Prometheus)',
  },
} as const;

export function prometheusUrl(env: EnvConfig, override: string | undefined): string {
  if (override !== undefined) return override.replace(/\/+$/, '');
  const url = new URL(env.observability.sharedPrometheusUrl);
  return `${url.origin}${url.pathname.replace(/\/api\/v1\/write\/?$/, '')}`.replace(/\/+$/, '');
}

export const queryLine = (baseUrl: string, promql: string): CommandLine =>
  command(['curl', '-fsS', '--get', `${baseUrl}/api/v1/query`, '--data-urlencode', `query=${promql}`]);

export async function instantQuery(
  fetcher: typeof fetch,
  baseUrl: string,
  promql: string,
): Promise<Sample[]> {
  const response = await fetcher(`${baseUrl}/api/v1/query?${new URLSearchParams({ query: promql })}`);
  const body = (await response.json()) as {
    status?: string;
    error?: string;
    data?: { resultType?: string; result?: { metric?: Record<string, string>; value?: [number, string] }[] };
  };
  if (!response.ok || body.status !== 'success') {
    throw new Error(
      `Prometheus at ${baseUrl} answered ${response.status}: ${body.error ?? 'no result'} (${promql})`,
    );
  }
  if (body.data?.resultType !== 'vector') {
    throw new Error(`Prometheus returned a ${body.data?.resultType} for ${promql}; expected a vector`);
  }
  return (body.data.result ?? []).map((entry) => ({
    labels: entry.metric ?? {},
    value: Number(entry.value?.[1]),
  }));
}

/** The single value of a query that aggregates to one series, or undefined when it has no data. */
export async function scalarQuery(
  fetcher: typeof fetch,
  baseUrl: string,
  promql: string,
): Promise<number | undefined> {
  const samples = await instantQuery(fetcher, baseUrl, promql);
  if (samples.length > 1) throw new Error(`expected one series from ${promql}, got ${samples.length}`);
  return samples[0]?.value;
}
