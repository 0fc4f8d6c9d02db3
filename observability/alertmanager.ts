// Alertmanager routing for runbook §3.4 and §4.2: P1 and P2 page separate PagerDuty services, re-notify at the
// on-call response times, and a firing P1 silences the P2s it explains. Integration keys are never in Git: the
// receivers read them from files the Secrets Manager keys (naming.pagerDutySecretPath) are mounted at.
import type { EnvConfig, Severity } from '../environments';
import { label } from '../constructs/contracts';
import { duration } from './promql';

export const receiverName = (severity: Severity): string => `pagerduty-${severity.toLowerCase()}`;

/**
 * "A matching P1": same environment, same component, and the same service or job where the alerts name one.
 * Alertmanager treats a label missing on both sides as equal, so an analytics P1 without a service inhibits the
 * analytics P2 without one, but a P1 on search-api does not hide a P2 on recommendation-api.
 */
export const INHIBITION_EQUAL = [label.env, 'component', label.service, label.job] as const;

/** PagerDuty Events v2 severities: P1 pages as critical, P2 as warning (urgency follows the PagerDuty service). */
const PAGERDUTY_SEVERITY: Readonly<Record<Severity, string>> = { P1: 'critical', P2: 'warning' };

/**
 * Notification text. A group holds every alert of one name in one environment and component, so annotations that
 * differ per service (summary, staging_baseline) are listed per alert; the runbook link is the same for the group.
 */
export const PAGERDUTY_TEXT = {
  description: '{{ .GroupLabels.alertname }} in {{ .GroupLabels.env }}: {{ .CommonAnnotations.summary }}',
  links: [{ href: '{{ (index .Alerts 0).Annotations.runbook_url }}', text: 'Runbook' }],
  details: {
    summaries: '{{ range .Alerts }}{{ .Annotations.summary }}; {{ end }}',
    staging_baselines: '{{ range .Alerts }}{{ .Annotations.staging_baseline }}; {{ end }}',
  },
} as const;

export function alertmanagerConfig(env: EnvConfig): Record<string, unknown> {
  const keys = env.observability.pagerDuty;
  const keyFile: Readonly<Record<Severity, string>> = {
    P1: keys.p1RoutingKeyFile,
    P2: keys.p2RoutingKeyFile,
  };
  const repeat: Readonly<Record<Severity, string>> = {
    P1: duration(env.oncall.p1ResponseMinutes * 60),
    P2: duration(env.oncall.p2ResponseMinutes * 60),
  };
  const severities: readonly Severity[] = ['P1', 'P2'];
  return {
    route: {
      // Anything without a P1/P2 severity still reaches someone: the less urgent service.
      receiver: receiverName('P2'),
      group_by: [label.env, 'component', 'alertname'],
      repeat_interval: repeat.P2,
      routes: severities.map((severity) => ({
        matchers: [`severity="${severity}"`],
        receiver: receiverName(severity),
        repeat_interval: repeat[severity],
      })),
    },
    receivers: severities.map((severity) => ({
      name: receiverName(severity),
      pagerduty_configs: [
        {
          routing_key_file: keyFile[severity],
          severity: PAGERDUTY_SEVERITY[severity],
          send_resolved: true,
          ...PAGERDUTY_TEXT,
          details: { ...PAGERDUTY_TEXT.details, environment: env.name },
        },
      ],
    })),
    inhibit_rules: [
      {
        source_matchers: ['severity="P1"'],
        target_matchers: ['severity="P2"'],
        equal: [...INHIBITION_EQUAL],
      },
    ],
  };
}
