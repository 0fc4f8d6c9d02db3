// Secret values never sit in the rendered tree: it is committed to git. They come from External Secrets.
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';
import { compliantApp, compliantBatch, replacing } from '../fixtures/app';
import { cronJob, deployment, NAMESPACE } from '../fixtures/workloads';
import type { Manifest } from '../manifest';
import type { PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

/** Names that suggest a credential (kube-linter's env-var-secret uses `secret`; we add the usual others). */
const SECRET_NAME = /secret|passw(or)?d|pwd|token|api[_-]?key|private[_-]?key|credential|access[_-]?key/i;
/** Names that point at a credential rather than hold it: the file it is mounted at, the secret's name or ARN. */
const REFERENCE_NAME = /[_.-](file|path|dir|name|ref|arn|url|uri|endpoint|header)$/i;
/** Values that are credentials whatever they are called. */
const SECRET_VALUES: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a PEM private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a JSON Web Token', pattern: /\beyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/ },
  { what: 'a URL with an inline password', pattern: /\/\/[^\s:/@]+:[^\s@/]+@/ },
];

/** Why `value` under `name` looks like a credential, or undefined. */
export function secretLikeReason(name: string, value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const found = SECRET_VALUES.find(({ pattern }) => pattern.test(value));
  if (found !== undefined) return `holds ${found.what}`;
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name)
    ? 'is named like a credential and has a literal value'
    : undefined;
}

function configMap(data: Record<string, string>): IConfigMap & Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: NAMESPACE }, data };
}

function secret(fields: Pick<ISecret, 'data' | 'stringData'>): ISecret & Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'database', namespace: NAMESPACE },
    type: 'Opaque',
    ...fields,
  };
}

export const secretRules: readonly PolicyRule[] = [
  {
    id: 'no-literal-secret-env',
    checkIds: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
    kinds: POD_CONTROLLER_KINDS,
    description:
      'No container env var holds a credential as a literal value (use a mounted ExternalSecret or secretKeyRef).',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const leaks = (container.env ?? []).flatMap((variable) => {
          const reason = secretLikeReason(variable.name, variable.value ?? '');
          return reason === undefined ? [] : [`${variable.name} ${reason}`];
        });
        return leaks.length === 0 ? undefined : `${label} env: ${leaks.join('; ')}`;
      }),
    good: [
      {
        name: 'references and harmless values',
        objects: replacing(
          compliantApp(),
          deployment({
            container: {
              env: [
                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'database', key: 'password' } } },
                { name: 'DB_PASSWORD_FILE', value: '/var/run/secrets/database/password' },
                { name: 'TOKEN_URL', value: 'https://auth.skillforge.example/token' },
                { name: 'LOG_LEVEL', value: 'info' },
              ],
            },
          }),
        ),
      },
    ],
    bad: [
      {
        name: 'literal password',
        objects: replacing(
          compliantApp(),
          deployment({ container: { env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] } }),
        ),
      },
      {
        name: 'AWS key under an innocent name in a CronJob',
        objects: replacing(
          compliantBatch(),
          cronJob({ container: { env: [{ name: 'UPLOADER', value: 'AKIAIOSFODNN7EXAMPLE' }] } }),
        ),
      },
      {
        name: 'connection string with a password',
        objects: replacing(
          compliantApp(),
          deployment({
            container: { env: [{ name: 'DATABASE_URL', value: 'postgres://app:s3cret@db:5432/app' }] },
          }),
        ),
      },
    ],
  },
  {
    id: 'no-secret-in-configmap',
    checkIds: ['polaris:sensitiveConfigmapContent'],
    kinds: ['ConfigMap'],
    description: 'No ConfigMap key holds a credential (by its name or by the look of its value).',
    check: ({ manifest }) =>
      ConfigMap.is(manifest)
        ? Object.entries(manifest.data ?? {}).flatMap(([key, value]) => {
            const reason = secretLikeReason(key, value);
            return reason === undefined ? [] : [`key "${key}" ${reason}`];
          })
        : [],
    good: [
      {
        name: 'plain settings',
        objects: [configMap({ LOG_LEVEL: 'info', 'nginx.conf': 'server { listen 8080; }' })],
      },
    ],
    bad: [
      { name: 'api key', objects: [configMap({ STRIPE_API_KEY: 'sk_live_abc' })] },
      {
        name: 'private key in a file',
        objects: [configMap({ 'tls.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIE...' })],
      },
    ],
  },
  {
    id: 'no-rendered-secret-values',
    checkIds: [],
    kinds: ['Secret'],
    description:
      'A rendered Secret carries no data or stringData; values come from an ExternalSecret at runtime.',
    check: ({ manifest }) => {
      if (!Secret.is(manifest)) return [];
      const keys = [...Object.keys(manifest.data ?? {}), ...Object.keys(manifest.stringData ?? {})];
      return keys.length === 0
        ? []
        : [`commits values for ${keys.join(', ')} to git: render an ExternalSecret instead`];
    },
    good: [{ name: 'empty Secret (filled by a controller)', objects: [secret({})] }],
    bad: [
      { name: 'stringData', objects: [secret({ stringData: { password: 'hunter2' } })] },
      { name: 'base64 data', objects: [secret({ data: { password: 'aHVudGVyMg==' } })] },
    ],
  },
];
