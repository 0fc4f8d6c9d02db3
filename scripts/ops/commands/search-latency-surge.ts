// search-latency-surge: the runbook §4.5 search latency playbook. Scale search-api from its floor to
// playbooks.searchLatencySurge.surgeReplicas (so that it sticks, see playbooks/replicas.ts), run the
// search-cache-warm CronJob by hand, and watch P95 and the cache hit ratio for watchMinutes. `--return` restores
// the autoscaler's normal floor (replicas.min) and scales to what the model asks for right now: replicas.min, or a
// peak window's minimum while the window (the EU peak, 08:00–12:00 UTC) is open, which the cron trigger keeps.
import { jobsOf } from '../../../constructs/contracts';
import { UsageError } from '../../cli/args';
import { createJobStep } from '../kubernetes/steps';
import { floorAt } from '../kubernetes/replica-floor';
import { cacheHitRatio, latencyP95Ms, worstOver } from '../observability/queries';
import { prometheusUrl, queryLine, scalarQuery, prometheusUrlOption } from '../observability/prometheus';
import { returnSteps, scaleTarget, surgeSteps } from '../playbooks/replicas';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';
import { GateRefusedError, type Step } from '../runner/procedure';
import { comment } from '../runner/shell';
import { unixSeconds } from '../runner/time';

export const CACHE_WARM_CRONJOB = 'search-cache-warm';
// "Sustained": the worst one-minute P95 of this many final minutes of the watch must be below the target.
const SUSTAINED_MINUTES = 5;
const SAMPLE_INTERVAL_MS = 60_000;

export const searchLatencySurgeDefinition: OpsCommandDefinition = {
  name: 'search-latency-surge',
  options: {
    return: {
      type: 'boolean',
      description: 'the return step: lower replicas to the floor the model asks for now',
    },
    ...prometheusUrlOption,
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const playbook = env.playbooks.searchLatencySurge;
    const target = scaleTarget(deps.deployDir(), env, playbook.service);
    const now = deps.now();
    if (values.return === true) {
      const floor = floorAt(target.service, now);
      return {
        steps: [
          {
            name: 'explain-floor',
            changes: false,
            lines: [
              comment(
                `floor at ${now.toISOString()}: ${floor.replicas} (replicas.min ${target.service.replicas.min}` +
                  `${floor.windows.length > 0 ? `, peak window ${floor.windows.join(', ')} open` : ', no peak window open'})`,
              ),
            ],
            run: async (ctx) =>
              ctx.log('playbook.floor', { replicas: floor.replicas, windows: floor.windows }),
          },
          // The autoscaler's floor goes back to replicas.min (6); the eu-peak cron trigger keeps 7 while its window
          // is open. Pinning 7 as the floor would hold it for the rest of the day (in production, until the next sync).
          ...returnSteps(env, target, target.service.replicas.min, floor.replicas),
        ],
      };
    }
    const cacheWarm = jobsOf(env).find((job) => job.name === CACHE_WARM_CRONJOB);
    if (cacheWarm === undefined) {
      throw new UsageError(
        `search-latency-surge: ${env.name} has no enabled ${CACHE_WARM_CRONJOB} job in the model`,
      );
    }
    const baseUrl = prometheusUrl(env, stringOption(values, 'prometheus-url'));
    const p95 = latencyP95Ms(env, target.service.namespace, target.service.name);
    const hitRatio = cacheHitRatio(env);
    const sustained = worstOver(p95, SUSTAINED_MINUTES);
    const watch: Step = {
      name: 'watch',
      changes: false,
      lines: [
        comment(`every minute for ${playbook.watchMinutes} min:`),
        queryLine(baseUrl, p95),
        queryLine(baseUrl, hitRatio),
        comment(
          `then the worst P95 of the last ${SUSTAINED_MINUTES} min must be below ${playbook.recoveredBelowMs} ms:`,
        ),
        queryLine(baseUrl, sustained),
      ],
      async run(ctx) {
        for (let minute = 1; minute <= playbook.watchMinutes; minute++) {
          await ctx.deps.sleep(SAMPLE_INTERVAL_MS);
          const [latency, ratio] = await Promise.all([
            scalarQuery(ctx.deps.fetch, baseUrl, p95),
            scalarQuery(ctx.deps.fetch, baseUrl, hitRatio),
          ]);
          ctx.log('playbook.watch', { minute, p95Ms: latency ?? null, cacheHitRatio: ratio ?? null });
        }
        const worst = await scalarQuery(ctx.deps.fetch, baseUrl, sustained);
        if (worst === undefined || worst >= playbook.recoveredBelowMs) {
          throw new GateRefusedError(
            `search P95 has not recovered: worst of the last ${SUSTAINED_MINUTES} min is ` +
              `${worst === undefined ? 'unknown (no data)' : `${Math.round(worst)} ms`}, target < ${playbook.recoveredBelowMs} ms; ` +
              'escalate per docs/runbooks/oncall-escalation.md',
          );
        }
        ctx.print(`recovered: worst P95 of the last ${SUSTAINED_MINUTES} min is ${Math.round(worst)} ms`);
      },
    };
    return {
      steps: [
        ...surgeSteps(env, target, playbook.surgeReplicas),
        createJobStep(
          'warm-cache',
          env,
          cacheWarm.namespace,
          CACHE_WARM_CRONJOB,
          `${CACHE_WARM_CRONJOB}-manual-${unixSeconds(now)}`,
        ),
        watch,
      ],
    };
  },
};

export const searchLatencySurge = opsCommand(searchLatencySurgeDefinition);
