// Re-exports the baseline families.
export { frontendBaselines } from './frontend';
export { httpBaselines } from './http';
export { kubernetesBaselines } from './kubernetes';
export { baselineOf, signal, type Signal } from './names';
export { pipelineBaselines } from './pipelines';
export { storeBaselines } from './stores';
