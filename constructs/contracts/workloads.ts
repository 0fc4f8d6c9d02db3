// Read-only views over the model's services and jobs that every layer needs: who runs where, with which image,
// who calls whom and who uses which data store. Network policies, mesh rules, ECR repositories and alerts are
// generated from these, never hand-listed.
import type { DataStore, EnvConfig, JobConfig, NamespaceName, ServiceConfig } from '../../environments';
import { ecrRegistry, ecrRepositoryName } from './naming';

export const namespaces: readonly NamespaceName[] = [
  'platform',
  'observability',
  'data-pipelines',
  'support',
  'api',
  'frontend',
];

export interface NamedService extends ServiceConfig {
  readonly name: string;
}
export interface NamedJob extends JobConfig {
  readonly name: string;
}

export const servicesOf = (env: EnvConfig): NamedService[] =>
  Object.entries(env.services)
    .map(([name, service]) => ({ ...(service as ServiceConfig), name }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Jobs the environment runs (disabled ones are not rendered). */
export const jobsOf = (env: EnvConfig): NamedJob[] =>
  Object.entries(env.jobs)
    .filter(([, job]) => job.enabled)
    .map(([name, job]) => ({ ...(job as JobConfig), name }))
    .sort((a, b) => a.name.localeCompare(b.name));

export const servicesIn = (env: EnvConfig, namespace: NamespaceName): NamedService[] =>
  servicesOf(env).filter((service) => service.namespace === namespace);
export const jobsIn = (env: EnvConfig, namespace: NamespaceName): NamedJob[] =>
  jobsOf(env).filter((job) => job.namespace === namespace);

/** Services that call `target` (for ingress policies and mesh authorization). */
export const callersOf = (env: EnvConfig, target: string): NamedService[] =>
  servicesOf(env).filter((service) => service.calls.includes(target));

export const consumersOf = (env: EnvConfig, store: DataStore): (NamedService | NamedJob)[] => [
  ...servicesOf(env).filter((service) => service.dependsOn.includes(store)),
  ...jobsOf(env).filter((job) => job.dependsOn.includes(store)),
];

export const publicServices = (env: EnvConfig): NamedService[] =>
  servicesOf(env).filter((service) => service.exposure === 'public');

/** Our images, one ECR repository each. */
export const ourImages = (env: EnvConfig): string[] =>
  Object.entries(env.images)
    .filter(([, image]) => image.source === 'ours')
    .map(([name]) => name)
    .sort();

/** Fully pinned image reference: ECR repository with tag and digest, or the pinned external image. */
export function imageReference(env: EnvConfig, imageName: string): string {
  const image = env.images[imageName];
  if (!image) throw new Error(`unknown image ${imageName}`);
  if (image.source === 'external') {
    const digest = image.digest ? `@${image.digest}` : '';
    return `${image.repository}:${image.tag}${digest}`;
  }
  const release = env.releases[imageName];
  if (!release) throw new Error(`no release pinned for ${imageName} in ${env.name}`);
  return `${ecrRegistry(env)}/${ecrRepositoryName(imageName)}:${release.tag}@${release.digest}`;
}

export const runAsUserOf = (env: EnvConfig, imageName: string): number => env.images[imageName]!.runAsUser;
