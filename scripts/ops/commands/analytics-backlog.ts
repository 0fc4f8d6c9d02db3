// analytics-backlog: the runbook §4.5 Kafka analytics backlog playbook. Scale analytics-event-router from its
// floor to playbooks.analyticsBacklog.surgeReplicas (so that it sticks, see playbooks/replicas.ts) and annotate
// the "Analytics Pipeline Health" dashboard with the incident. `--revert` is refused until the consumer lag has
// stayed below revertBelowLagSeconds for revertAfterHours without gaps, checked against Prometheus.
import type { EnvConfig } from '../../../environments';
import { UsageError } from '../../cli/args';
import { dashboardUid } from '../gitops/rendered-tree';
import { type Annotation, annotationLine, GRAFANA_TOKEN, postAnnotation } from '../observability/grafana';
import { consumerLagPoints, maxConsumerLag } from '../observability/queries';
import { prometheusUrl, queryLine, scalarQuery, prometheusUrlOption } from '../observability/prometheus';
import { returnSteps, scaleTarget, surgeSteps } from '../playbooks/replicas';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';
import { GateRefusedError, type Step } from '../runner/procedure';
import { comment } from '../runner/shell';

export const ANALYTICS_DASHBOARD_TITLE = 'Analytics Pipeline Health';

export const analyticsBacklogDefinition: OpsCommandDefinition = {
  name: 'analytics-backlog',
  options: {
    incident: {
      type: 'string',
      value: '<link>',
      description: 'incident id or link, written into the dashboard annotation',
    },
    revert: {
      type: 'boolean',
      description: 'scale back to replicas.min, allowed only after the lag window has passed',
    },
    ...prometheusUrlOption,
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const playbook = env.playbooks.analyticsBacklog;
    const incident = stringOption(values, 'incident');
    const revert = values.revert === true;
    if (!revert && incident === undefined) {
      throw new UsageError(
        'analytics-backlog: --incident <link> is required (it goes into the dashboard annotation)',
      );
    }
    const deployDir = deps.deployDir();
    const target = scaleTarget(deployDir, env, playbook.service);
    const { min } = target.service.replicas;
    const annotation: Annotation = {
      dashboardUID: dashboardUid(deployDir, env, ANALYTICS_DASHBOARD_TITLE),
      time: deps.now().getTime(),
      tags: ['incident', 'analytics-backlog', env.name],
      text: revert
        ? `analytics-backlog: reverted ${playbook.service} to ${min} replicas after ${playbook.revertAfterHours} h of lag < ${playbook.revertBelowLagSeconds} s` +
          (incident === undefined ? '' : ` (${incident})`)
        : `analytics-backlog: scaled ${playbook.service} ${min}→${playbook.surgeReplicas} replicas; incident ${incident}`,
    };
    const annotate: Step = {
      name: 'annotate-dashboard',
      changes: true,
      lines: [annotationLine(env, annotation)],
      async run(ctx) {
        await postAnnotation(ctx.deps.fetch, env, ctx.deps.processEnv[GRAFANA_TOKEN], annotation);
        ctx.log('grafana.annotated', { dashboardUID: annotation.dashboardUID, text: annotation.text });
      },
    };
    if (!revert) return { steps: [...surgeSteps(env, target, playbook.surgeReplicas), annotate] };
    return {
      steps: [
        lagGate(env, prometheusUrl(env, stringOption(values, 'prometheus-url'))),
        ...returnSteps(env, target, min, min),
        annotate,
      ],
    };
  },
};

export const analyticsBacklog = opsCommand(analyticsBacklogDefinition);

function lagGate(env: EnvConfig, baseUrl: string): Step {
  const { revertAfterHours: hours, revertBelowLagSeconds: below } = env.playbooks.analyticsBacklog;
  const worst = maxConsumerLag(env, hours);
  const points = consumerLagPoints(env, hours);
  return {
    name: 'check-lag-window',
    changes: false,
    lines: [
      comment(
        `revert only if the lag stayed below ${below} s for ${hours} h, with a data point every minute:`,
      ),
      queryLine(baseUrl, worst),
      queryLine(baseUrl, points),
    ],
    async run(ctx) {
      const [peak, count] = await Promise.all([
        scalarQuery(ctx.deps.fetch, baseUrl, worst),
        scalarQuery(ctx.deps.fetch, baseUrl, points),
      ]);
      ctx.log('playbook.lag_window', {
        hours,
        peakSeconds: peak ?? null,
        points: count ?? 0,
        required: hours * 60,
      });
      if ((count ?? 0) < hours * 60) {
        throw new GateRefusedError(
          `revert refused: only ${count ?? 0} of ${hours * 60} one-minute lag points in the last ${hours} h; ` +
            'the window must be complete',
        );
      }
      if (peak === undefined || peak >= below) {
        throw new GateRefusedError(
          `revert refused: the consumer lag peaked at ${peak === undefined ? 'unknown' : `${Math.round(peak)} s`} in ` +
            `the last ${hours} h; it must stay below ${below} s for ${hours} h`,
        );
      }
    },
  };
}
