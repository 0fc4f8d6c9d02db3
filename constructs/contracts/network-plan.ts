// Subnet plan derived from the VPC CIDR: the same function sizes the Terraform subnets and scopes the
// Kubernetes egress policies to the database subnets.
import type { EnvConfig } from '../../environments';
import { parseCidr } from '../../environments/schema/primitives';

export interface ZoneSubnets {
  readonly zone: string;
  /** Nodes and pods (VPC CNI gives pods VPC addresses): the largest block. */
  readonly private: string;
  /** Load balancers and NAT gateways: the only tier that maps public IPs. */
  readonly public: string;
  /** RDS, ElastiCache, OpenSearch, MSK: no route to the internet. */
  readonly database: string;
}

/**
 * Splits the VPC (/p) into eight /(p+3) blocks: blocks 0–5 are the private subnets of up to six zones; block 6 is
 * cut into eight /(p+6) public subnets and block 7 into eight /(p+6) database subnets.
 */
export function subnetPlan(env: EnvConfig): ZoneSubnets[] {
  const vpc = parseCidr(env.network.vpcCidr);
  if (!vpc) throw new Error(`invalid VPC CIDR ${env.network.vpcCidr}`);
  const privateSize = 2 ** (32 - (vpc.prefix + 3));
  const smallSize = 2 ** (32 - (vpc.prefix + 6));
  const publicBase = vpc.first + 6 * privateSize;
  const databaseBase = vpc.first + 7 * privateSize;
  return env.aws.availabilityZones.map((zone, index) => ({
    zone,
    private: toCidr(vpc.first + index * privateSize, vpc.prefix + 3),
    public: toCidr(publicBase + index * smallSize, vpc.prefix + 6),
    database: toCidr(databaseBase + index * smallSize, vpc.prefix + 6),
  }));
}

function toCidr(address: number, prefix: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefix}`;
}
