// A synthetic registry for the scale benchmark: N environments × M services, derived from the real model by
// renaming, so growth of synth time and memory with the estate stays visible.
import { type EnvironmentLayer, type EnvironmentRegistry, environmentRegistry } from '../../environments';
import { serviceDefaults } from '../../environments/defaults/services';

export function scaledRegistry(environments: number, servicesPerEnvironment: number): EnvironmentRegistry {
  const template: EnvironmentLayer = environmentRegistry.prod;
  const extraServices = servicesPerEnvironment - Object.keys(serviceDefaults.services).length;
  const registry: Record<string, EnvironmentLayer & { name: string }> = {};
  for (let index = 1; index <= environments; index++) {
    const name = `scale-${String(index).padStart(2, '0')}`;
    const services: Record<string, unknown> = {};
    for (let service = 1; service <= Math.max(extraServices, 0); service++) {
      const id = `svc-${String(service).padStart(2, '0')}`;
      services[id] = {
        namespace: 'api',
        image: 'data-api',
        kind: 'http',
        port: 8080,
        delivery: 'canary',
        exposure: 'public',
        ingressPath: `/api/${id}`,
        replicas: { min: 2, max: 6 },
        pdbMinAvailable: 1,
        peakWindows: {},
        resources: { cpuMillicores: 250, memoryMiB: 256, cpuLimitMillicores: 1000, memoryLimitMiB: 512 },
        latencyP95Ms: 400,
        latencyAlertSeverity: 'P2',
        availabilityPercent: 99.5,
        scaleOnLatency: false,
        dependsOn: ['postgres'],
        calls: [],
        aws: [],
        healthPath: '/healthz',
      };
    }
    registry[name] = {
      ...template,
      name,
      network: { ...template.network, vpcCidr: `10.${100 + index}.0.0/16` },
      services: services as EnvironmentLayer['services'],
      // Room for the extra services at replicas.max (rule quota-fits-autoscaling).
      namespaces: {
        api: {
          quota: {
            requestsCpu: 256,
            requestsMemoryGiB: 256,
            limitsCpu: 1024,
            limitsMemoryGiB: 512,
            pods: 1000,
          },
        },
      },
      observability: { baselineEnvironment: 'scale-01' },
    };
  }
  return registry;
}
