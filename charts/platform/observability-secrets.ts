// Secrets the observability charts read: the PagerDuty routing keys Alertmanager loads from files (the paths in
// observability.pagerDuty), synced from Secrets Manager.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { pagerDutySecretPath, secretName } from '../../constructs/contracts';
import { SyncedSecret } from '../../constructs/k8s/external-secret';
import { components, namespaceOf } from '../plan/components';
import { SECRET_STORE } from '../workloads/credentials';

/** kube-prometheus-stack mounts each secret listed in alertmanagerSpec.secrets here, one folder per secret. */
const ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets/';

export interface AlertmanagerSecretMount {
  readonly severity: 'P1' | 'P2';
  readonly secret: string;
  readonly key: string;
}

/** The Secret and key behind each routing-key file; a path Alertmanager could not have mounted is an error. */
export function alertmanagerSecretMounts(env: EnvConfig): AlertmanagerSecretMount[] {
  const files = [
    ['P1', env.observability.pagerDuty.p1RoutingKeyFile],
    ['P2', env.observability.pagerDuty.p2RoutingKeyFile],
  ] as const;
  return files.map(([severity, file]) => {
    const [secret, key, ...rest] = file.startsWith(ALERTMANAGER_SECRETS_DIR)
      ? file.slice(ALERTMANAGER_SECRETS_DIR.length).split('/')
      : [];
    if (secret === undefined || key === undefined || rest.length > 0) {
      throw new Error(
        `${env.name}: observability.pagerDuty ${severity} file "${file}" must be ${ALERTMANAGER_SECRETS_DIR}<secret>/<key>`,
      );
    }
    return { severity, secret, key };
  });
}

export function renderAlertingSecrets(scope: Construct, env: EnvConfig): void {
  const namespace = namespaceOf(env, components.alertmanager);
  for (const mount of alertmanagerSecretMounts(env)) {
    new SyncedSecret(scope, `PagerDuty${mount.severity}`, {
      name: mount.secret,
      namespace,
      remoteKey: secretName(env, pagerDutySecretPath(mount.severity)),
      store: SECRET_STORE,
      refreshMinutes: env.secrets.refreshMinutes,
      // The routing key is stored as a plain string: the whole value becomes the file.
      keys: [{ secretKey: mount.key }],
    });
  }
}
