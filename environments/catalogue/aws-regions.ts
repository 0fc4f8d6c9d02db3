// AWS Regions an environment may run in (or replicate to), with the letters of their Availability Zones. A zone
// name is the Region code followed by one of these letters; any other letter names a zone that does not exist.
// Source: AWS, "AWS Availability Zones" (the AZ IDs listed per Region),
// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html (checked 2026-12-06).
// Add a Region from that page before using it.

export const awsRegionZones: Readonly<Record<string, readonly string[]>> = {
  'eu-central-1': ['a', 'b', 'c'],
  'eu-north-1': ['a', 'b', 'c'],
  'eu-south-1': ['a', 'b', 'c'],
  'eu-west-1': ['a', 'b', 'c'],
  'eu-west-2': ['a', 'b', 'c'],
  'eu-west-3': ['a', 'b', 'c'],
  'us-east-1': ['a', 'b', 'c', 'd', 'e', 'f'],
  'us-east-2': ['a', 'b', 'c'],
  'us-west-2': ['a', 'b', 'c', 'd'],
};

export const knownRegions: readonly string[] = Object.keys(awsRegionZones).sort();

export const zonesOf = (region: string): readonly string[] =>
  (awsRegionZones[region] ?? []).map((letter) => `${region}${letter}`);
