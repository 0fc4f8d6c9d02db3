// From an alert definition to the rule Prometheus loads: the labels every alert carries (severity P1/P2 as the
// runbook writes it, the NFR ids it proves, its component) and the four annotations responders rely on.
import { nfrTag } from '../../constructs/contracts';
import type { EnvConfig } from '../../environments';
import type { RuleContext } from '../context';
import type { AlertDefinition, AlertingRule, Labels } from '../rules';
import { seconds } from '../promql';
import { samplesUntil } from '../tests/series';

export const RUNBOOK_FOLDER = 'docs/runbooks/alerts';

/** The page of an alert in the repository, on the branch Argo CD deploys from. */
export function runbookUrl(env: EnvConfig, alert: string): string {
  const web = env.gitops.repoUrl.replace(/\.git$/, '');
  return `${web}/blob/${env.gitops.targetRevision}/${RUNBOOK_FOLDER}/${alert}.md`;
}

export function staticLabels(definition: AlertDefinition): Labels {
  return {
    severity: definition.severity,
    component: definition.component,
    nfr: nfrTag(definition.nfr),
    ...definition.identity,
  };
}

export function toAlertingRule(env: EnvConfig, definition: AlertDefinition): AlertingRule {
  return {
    alert: definition.alert,
    expr: definition.expr,
    ...(definition.for === undefined ? {} : { for: definition.for }),
    labels: staticLabels(definition),
    annotations: {
      summary: definition.summary,
      description: definition.description,
      runbook_url: runbookUrl(env, definition.alert),
      staging_baseline: definition.baseline,
    },
  };
}

/** Expands the only template construct our annotations use, `{{ $labels.name }}`, the way Prometheus does. */
export function expandTemplate(text: string, labels: Labels): string {
  const expanded = text.replace(/\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}/g, (_, name: string) => {
    const value = labels[name];
    if (value === undefined) throw new Error(`template uses $labels.${name}, which the alert does not carry`);
    return value;
  });
  if (expanded.includes('{{')) throw new Error(`unsupported template construct in: ${text}`);
  return expanded;
}

/** Samples enough for a scenario to run past the moment its alert fires. */
export function scenarioSamples(ctx: RuleContext, breachFrom: number, forDuration?: string): number {
  const hold = forDuration === undefined ? 0 : seconds(forDuration);
  return samplesUntil(breachFrom + hold + 2 * ctx.interval, ctx.interval);
}

/** Rate-based expressions need two samples: the first evaluation that can be true is one interval in. */
export const afterTwoSamples = (ctx: RuleContext): number => ctx.interval;

/** A whole number of requests, events or bytes just under (quiet) and just over (breach) a share of `total`. */
export function aroundShare(share: number, total: number): { under: number; over: number } {
  const exact = Number((share * total).toPrecision(12));
  return { under: Math.ceil(exact) - 1, over: Math.floor(exact) + 1 };
}
