// Grafana annotations (runbook §4.5: mark the incident on the dashboard). The token is a Grafana service-account
// token in GRAFANA_TOKEN; it is read at run time and printed only as the variable name.
import type { EnvConfig } from '../../../environments';
import { grafanaUrl } from '../../../constructs/contracts';
import { command, type CommandLine, joined, variable } from '../runner/shell';

export const GRAFANA_TOKEN = 'GRAFANA_TOKEN';

export interface Annotation {
  readonly dashboardUID: string;
  /** Epoch milliseconds. */
  readonly time: number;
  readonly tags: readonly string[];
  readonly text: string;
}

export const annotationLine = (env: EnvConfig, annotation: Annotation): CommandLine =>
  command([
    'curl',
    '-fsS',
    '-X',
    'POST',
    `${grafanaUrl(env)}/api/annotations`,
    '-H',
    joined('Authorization: Bearer ', variable(GRAFANA_TOKEN)),
    '-H',
    'Content-Type: application/json',
    '--data',
    JSON.stringify(annotation),
  ]);

export async function postAnnotation(
  fetcher: typeof fetch,
  env: EnvConfig,
  token: string | undefined,
  annotation: Annotation,
): Promise<void> {
  if (token === undefined || token === '') {
    throw new Error(
      `${GRAFANA_TOKEN} is not set; export a Grafana service-account token with the Editor role`,
    );
  }
  const response = await fetcher(`${grafanaUrl(env)}/api/annotations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(annotation),
  });
  if (!response.ok) {
    throw new Error(`Grafana refused the annotation: ${response.status} ${await response.text()}`);
  }
}
