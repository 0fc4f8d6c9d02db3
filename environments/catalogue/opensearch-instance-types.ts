// Amazon OpenSearch Service instance types this repository accepts, by role. A type missing here is refused at
// validation with this list.
// Sources: the service API's OpenSearchPartitionInstanceType and OpenSearchWarmPartitionInstanceType values,
// https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_InstanceTypeDetails.html, restricted to the
// current generation of "Supported instance types in Amazon OpenSearch Service",
// https://docs.aws.amazon.com/opensearch-service/latest/developerguide/supported-instance-types.html
// (checked 2026-12-06). Previous-generation types (c4, m3, m4, r3, r4, t2, i2, d2) are left out on purpose.

const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  c5: ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '18xlarge'],
  c6g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'],
  i3: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge'],
  m5: ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'],
  m6g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'],
  or1: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  r5: ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'],
  r6g: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge'],
  r6gd: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'],
  t3: ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'],
  t4g: ['small', 'medium'],
};

const WARM_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  ultrawarm1: ['medium', 'large', 'xlarge'],
};

const expand = (families: Readonly<Record<string, readonly string[]>>): readonly string[] =>
  Object.entries(families).flatMap(([family, sizes]) => sizes.map((size) => `${family}.${size}.search`));

/** The types on one line, a family at a time: c5.{large,xlarge,…}.search, … */
const list = (families: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(families)
    .map(([family, sizes]) => `${family}.{${sizes.join(',')}}.search`)
    .join(', ');

/** Data nodes and dedicated masters. */
export const openSearchNodeTypes: readonly string[] = expand(FAMILIES);
export const openSearchNodeTypeList: string = list(FAMILIES);

/** UltraWarm nodes (OpenSearchWarmPartitionInstanceType): the only types a warm tier takes. */
export const openSearchWarmTypes: readonly string[] = expand(WARM_FAMILIES);
export const openSearchWarmTypeList: string = list(WARM_FAMILIES);
