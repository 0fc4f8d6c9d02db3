// Re-exports the alert families and their helpers.
export { analyticsAlerts } from './analytics';
export { apiAlerts } from './api';
export { deliveryAlerts } from './delivery';
export { expandTemplate, runbookUrl, RUNBOOK_FOLDER, staticLabels, toAlertingRule } from './define';
export { pipelineAlerts } from './pipelines';
export { storeAlerts } from './stores';
export { syntheticAlerts } from './synthetic';
