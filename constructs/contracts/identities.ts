// IAM roles for service accounts (IRSA): one binding per Kubernetes service account that calls AWS. Terraform
// creates each role with a trust policy scoped to exactly this namespace/service account; the charts annotate the
// service account with the same ARN. Both sides call irsaBindings(), so they cannot disagree.
import type { AwsAccess, DataStore, EnvConfig } from '../../environments';
import { iamAuthStores } from './data-store-auth';
import { KARPENTER_CONTROLLER_PURPOSE, KARPENTER_NAMESPACE, KARPENTER_SERVICE_ACCOUNT } from './karpenter';
import { iamRoleArn, iamRoleName, workloadRolePurpose } from './naming';
import { jobsOf, servicesOf } from './workloads';

/** What a role may do, in platform terms; constructs/aws turns each grant into least-privilege statements. */
export type Grant =
  | { readonly kind: 'read-secrets' }
  | { readonly kind: 'manage-dns-records' }
  | { readonly kind: 'dns01-challenge' }
  | { readonly kind: 'load-balancer-controller' }
  | { readonly kind: 'ebs-csi-driver' }
  /** Karpenter's controller: launch and terminate its nodes, read the interruption queue (karpenter-policy.ts). */
  | { readonly kind: 'karpenter' }
  | { readonly kind: 'telemetry-storage' }
  | { readonly kind: 'cloudwatch-metrics-read' }
  | { readonly kind: 'workload'; readonly access: AwsAccess }
  /** Connect to a managed store that authenticates with IAM (ElastiCache, OpenSearch, MSK); see data-store-auth.ts. */
  | { readonly kind: 'data-store'; readonly store: Exclude<DataStore, 'postgres'> };

export interface IrsaBinding {
  readonly purpose: string;
  readonly roleName: string;
  readonly roleArn: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly grants: readonly Grant[];
}

/** Controllers from platformCharts that need AWS access, with the service-account names their charts use. */
const CONTROLLERS: readonly {
  purpose: string;
  namespace: string;
  serviceAccount: string;
  grants: Grant[];
}[] = [
  {
    purpose: 'external-secrets',
    namespace: 'platform',
    serviceAccount: 'external-secrets',
    grants: [{ kind: 'read-secrets' }],
  },
  {
    purpose: 'external-dns',
    namespace: 'platform',
    serviceAccount: 'external-dns',
    grants: [{ kind: 'manage-dns-records' }],
  },
  {
    purpose: 'cert-manager',
    namespace: 'platform',
    serviceAccount: 'cert-manager',
    grants: [{ kind: 'dns01-challenge' }],
  },
  {
    purpose: 'aws-load-balancer-controller',
    namespace: 'platform',
    serviceAccount: 'aws-load-balancer-controller',
    grants: [{ kind: 'load-balancer-controller' }],
  },
  {
    purpose: 'ebs-csi-driver',
    namespace: 'kube-system',
    serviceAccount: 'ebs-csi-controller-sa',
    grants: [{ kind: 'ebs-csi-driver' }],
  },
  {
    purpose: KARPENTER_CONTROLLER_PURPOSE,
    namespace: KARPENTER_NAMESPACE,
    serviceAccount: KARPENTER_SERVICE_ACCOUNT,
    grants: [{ kind: 'karpenter' }],
  },
  {
    purpose: 'loki',
    namespace: 'observability',
    serviceAccount: 'loki',
    grants: [{ kind: 'telemetry-storage' }],
  },
  {
    purpose: 'tempo',
    namespace: 'observability',
    serviceAccount: 'tempo',
    grants: [{ kind: 'telemetry-storage' }],
  },
  {
    purpose: 'cloudwatch-exporter',
    namespace: 'observability',
    serviceAccount: 'cloudwatch-exporter',
    grants: [{ kind: 'cloudwatch-metrics-read' }],
  },
];

export function irsaBindings(env: EnvConfig): IrsaBinding[] {
  const controllers = CONTROLLERS.map((controller) => bind(env, controller.purpose, controller));
  const iamStores = iamAuthStores(env);
  const workloads = [...servicesOf(env), ...jobsOf(env)]
    .map((workload) => ({
      workload,
      grants: [
        ...workload.aws.map((access) => ({ kind: 'workload', access }) as const),
        ...workload.dependsOn
          .filter((store): store is Exclude<DataStore, 'postgres'> => iamStores.includes(store))
          .map((store) => ({ kind: 'data-store', store }) as const),
      ],
    }))
    .filter(({ grants }) => grants.length > 0)
    .map(({ workload, grants }) =>
      bind(env, workloadRolePurpose(workload.name), {
        namespace: workload.namespace,
        serviceAccount: workload.name,
        grants,
      }),
    );
  return [...controllers, ...workloads];
}

/** The job that administers the OpenSearch security plugin from inside the VPC (environments/defaults/jobs.ts). */
export const OPENSEARCH_ADMIN_JOB = 'opensearch-security-config';

/**
 * The managed domain's master user: the in-cluster admin job's IRSA role (never a CI role: the domain answers only
 * inside the VPC, where hosted runners are not).
 */
export const opensearchAdminRoleArn = (env: EnvConfig): string =>
  iamRoleArn(env, workloadRolePurpose(OPENSEARCH_ADMIN_JOB));

/** The role a given service account assumes, if any (the charts annotate service accounts with it). */
export function roleArnFor(env: EnvConfig, namespace: string, serviceAccount: string): string | undefined {
  return irsaBindings(env).find((b) => b.namespace === namespace && b.serviceAccount === serviceAccount)
    ?.roleArn;
}

function bind(
  env: EnvConfig,
  purpose: string,
  binding: { namespace: string; serviceAccount: string; grants: readonly Grant[] },
): IrsaBinding {
  return { purpose, roleName: iamRoleName(env, purpose), roleArn: iamRoleArn(env, purpose), ...binding };
}
