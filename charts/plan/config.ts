// Non-secret settings each workload reads from its ConfigMap (runbook §2.2: ConfigMaps hold non-sensitive
// tuning). Endpoints come from the shared contracts, so the pods and Terraform agree on every name.
import type { EnvConfig } from '../../environments';
import {
  appHost,
  awsAccessBuckets,
  bucketName,
  kafkaTopicPrefix,
  postgresIdentifier,
  redisUserName,
  storeAuth,
  storeEndpoint,
} from '../../constructs/contracts';
import { components, hasComponent, tempoOtlpUrl } from './components';
import { credentialsDir, envPrefix, isService, managementPortOf, type Workload } from './workloads';

/** Settings particular to one job or service, keyed by its name in the model. */
const tuning: Readonly<Record<string, (env: EnvConfig) => Record<string, string>>> = {
  // Runbook §1.3/§4.5: the cache warm covers the top N occupations.
  'search-cache-warm': (env) => ({ CACHE_WARM_TOP_OCCUPATIONS: String(env.slo.cacheWarmTopOccupations) }),
  // Runbook §1.3/§3.3: the monthly drill checks a restore meets the RTO and loses no more than the RPO.
  'backup-verification': (env) => ({
    RTO_MINUTES: String(env.slo.rtoMinutes),
    RPO_MINUTES: String(env.slo.rpoMinutes),
    RESTORE_DRILL_INSTANCE_CLASS: env.backups.restoreDrillInstanceClass,
    SOURCE_DB_INSTANCE_IDENTIFIER: postgresIdentifier(env),
  }),
};

export function workloadConfig(env: EnvConfig, workload: Workload): Record<string, string> {
  const data: Record<string, string> = {
    SKILLFORGE_ENV: env.name,
    OTEL_SERVICE_NAME: workload.name,
    OTEL_RESOURCE_ATTRIBUTES: `deployment.environment=${env.name},k8s.namespace.name=${workload.namespace}`,
  };
  if (hasComponent(env, components.tempo)) {
    data.OTEL_EXPORTER_OTLP_ENDPOINT = tempoOtlpUrl(env);
    data.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/protobuf';
  }
  if (isService(workload)) {
    const management = managementPortOf(env, workload);
    data.MANAGEMENT_PORT = String(management);
    data.OTEL_EXPORTER_PROMETHEUS_HOST = '0.0.0.0';
    data.OTEL_EXPORTER_PROMETHEUS_PORT = String(management);
    data.HEALTH_PATH = workload.healthPath;
    data.READINESS_PATH = workload.readinessPath ?? workload.healthPath;
    if (workload.port !== undefined) data.PORT = String(workload.port);
    if (workload.latencyP95Ms !== undefined) data.LATENCY_OBJECTIVE_P95_MS = String(workload.latencyP95Ms);
    for (const callee of workload.calls) Object.assign(data, calleeSettings(env, callee));
  }
  for (const store of workload.dependsOn) {
    const endpoint = storeEndpoint(env, store);
    const prefix = envPrefix(store);
    const auth = storeAuth(env, store);
    // A managed store's native endpoint is published by Terraform in the Secrets Manager secret named here (an
    // address, not a credential); the workload reads it with its IRSA role.
    if (endpoint.kind === 'named') data[`${prefix}_HOST`] = endpoint.host;
    else data[`${prefix}_ENDPOINT_REF`] = endpoint.secret;
    data[`${prefix}_PORT`] = String(endpoint.port);
    // password-secret: files under _CREDENTIALS_DIR; iam: a token signed with the pod's IRSA role; in-cluster: none.
    data[`${prefix}_AUTH`] = auth;
    if (auth === 'password-secret') data[`${prefix}_CREDENTIALS_DIR`] = credentialsDir(store);
    if (auth === 'iam' && store === 'redis') data.REDIS_USER = redisUserName(env);
    if (store === 'kafka') data.KAFKA_TOPIC_PREFIX = kafkaTopicPrefix(env);
  }
  const callsAws =
    workload.aws.length > 0 || workload.dependsOn.some((store) => storeAuth(env, store) === 'iam');
  if (callsAws) data.AWS_REGION = env.aws.region;
  for (const access of workload.aws) {
    const bucket = awsAccessBuckets[access];
    if (bucket !== undefined) data[`S3_${envPrefix(bucket)}_BUCKET`] = bucketName(env, bucket);
  }
  if (!isService(workload) && workload.callsPublicHost) {
    data.BASE_URL = `https://${appHost(env)}`;
  }
  return { ...data, ...tuning[workload.name]?.(env) };
}

function calleeSettings(env: EnvConfig, callee: string): Record<string, string> {
  const target = env.services[callee];
  if (!target || target.port === undefined) return {};
  const host = `${callee}.${target.namespace}.svc.cluster.local`;
  // The OpenFeature flagd provider reads FLAGD_HOST and FLAGD_PORT.
  if (target.image === 'flagd') return { FLAGD_HOST: host, FLAGD_PORT: String(target.port) };
  return { [`${envPrefix(callee)}_URL`]: `http://${host}:${target.port}` };
}
