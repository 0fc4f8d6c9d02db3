// Everything environments share. An environment file states only its differences from these.
import type { EnvironmentLayer } from '../layer';
import { dataStoreDefaults } from './data-stores';
import { imageDefaults } from './images';
import { jobDefaults } from './jobs';
import { namespaceDefaults } from './namespaces';
import { operationsDefaults } from './operations';
import { platformDefaults } from './platform';
import { awsScannerExceptions } from './scanner-exceptions-aws';
import { kubernetesScannerExceptions } from './scanner-exceptions-kubernetes';
import { serviceDefaults } from './services';
import { workloadDefaults } from './workload-defaults';

export const defaults: EnvironmentLayer = {
  ...platformDefaults,
  ...dataStoreDefaults,
  ...namespaceDefaults,
  ...serviceDefaults,
  ...jobDefaults,
  ...imageDefaults,
  ...operationsDefaults,
  ...workloadDefaults,
  scannerExceptions: { ...awsScannerExceptions, ...kubernetesScannerExceptions },
};
