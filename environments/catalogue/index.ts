// Reference tables of what exists at AWS (Regions and zones, instance types), each citing its source. Validation
// refuses values missing from them with the known ones listed.
export { awsRegionZones, knownRegions, zonesOf } from './aws-regions';
export {
  openSearchNodeTypeList,
  openSearchNodeTypes,
  openSearchWarmTypeList,
  openSearchWarmTypes,
} from './opensearch-instance-types';
export { rdsInstanceClassList, rdsInstanceClassVcpus } from './rds-instance-classes';
