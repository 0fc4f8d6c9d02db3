// rotate-secrets: runbook §3.2. Rotates every secret Secrets Manager rotates for this environment (the managed
// secrets whose rotation is not an external issuer's), waits for the new version to become AWSCURRENT, waits one
// External Secrets refresh interval, rolling-restarts the services that use the store, and waits until their new
// pods are ready (readiness probes connect to the store, so a ready pod has re-authenticated).
import type { DataStore, EnvConfig } from '../../../environments';
import {
  consumersOf,
  dataStoreSecretPath,
  managedSecrets,
  secretName,
  servicesOf,
} from '../../../constructs/contracts';
import { awsValue } from '../aws/cli';
import { restartStep, rolloutStatusStep, workloadOf } from '../kubernetes/steps';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import type { Step } from '../runner/procedure';
import { command, joined, variable } from '../runner/shell';

const ROTATION_TIMEOUT_MS = 15 * 60_000;

interface RotatedSecret {
  readonly store: DataStore;
  readonly name: string;
  /** Shell variable holding the new version id. */
  readonly versionVar: string;
}

export const rotateSecretsDefinition: OpsCommandDefinition = {
  name: 'rotate-secrets',
  options: {
    'timeout-minutes': { type: 'string', value: '<n>', description: 'per consumer rollout (default 10)' },
  },
  build({ invocation }) {
    const { env, values } = invocation;
    const timeout = positiveIntegerOption('rotate-secrets', values, 'timeout-minutes', 10) * 60;
    const secrets = rotatedSecrets(env);
    const consumerNames = new Set(
      secrets.flatMap((secret) => consumersOf(env, secret.store).map((c) => c.name)),
    );
    // Jobs start fresh pods on every run and pick up the new value by themselves; only long-running services restart.
    const consumers = servicesOf(env)
      .filter((service) => consumerNames.has(service.name))
      .map(workloadOf);
    const steps: Step[] = [
      ...secrets.map((secret): Step => ({
        name: `rotate-${secret.store}`,
        changes: true,
        lines: [
          awsValue(
            env,
            secret.versionVar,
            'secretsmanager',
            'rotate-secret',
            ['--secret-id', secret.name],
            'VersionId',
          ),
        ],
      })),
      ...secrets.map((secret): Step => {
        const line = awsValue(
          env,
          'STAGES',
          'secretsmanager',
          'describe-secret',
          ['--secret-id', secret.name],
          // The version's stages; AWSCURRENT appears once the rotation function has finished all four steps.
          joined('VersionIdsToStages."', variable(secret.versionVar), '"'),
        );
        return {
          name: `wait-${secret.store}-current`,
          changes: false,
          lines: [line],
          async run(ctx) {
            await ctx.waitFor(
              `${secret.name} version ${ctx.vars.get(secret.versionVar)} to become AWSCURRENT`,
              async () => ((await ctx.exec(line)).includes('AWSCURRENT') ? true : undefined),
              ROTATION_TIMEOUT_MS,
            );
          },
        };
      }),
      {
        name: 'wait-external-secrets-refresh',
        changes: false,
        lines: [command(['sleep', String(env.secrets.refreshMinutes * 60)])],
        run: (ctx) => ctx.deps.sleep(env.secrets.refreshMinutes * 60_000),
      },
      restartStep('restart-consumers', env, consumers),
      rolloutStatusStep('verify-consumers', env, consumers, timeout),
    ];
    return { steps };
  },
};

export const rotateSecrets = opsCommand(rotateSecretsDefinition);

function rotatedSecrets(env: EnvConfig): RotatedSecret[] {
  const rotated = new Set(
    managedSecrets(env)
      .filter((secret) => secret.rotation !== 'external-issuer')
      .map((secret) => secret.path),
  );
  return (Object.entries(dataStoreSecretPath) as [DataStore, string][])
    .filter(([, path]) => rotated.has(path))
    .map(([store, path]) => ({
      store,
      name: secretName(env, path),
      versionVar: `${store.toUpperCase()}_VERSION`,
    }));
}
