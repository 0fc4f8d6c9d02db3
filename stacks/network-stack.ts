// <env>-network: the VPC and everything routing-related. Changes rarely; everything else depends on it.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { Network } from '../constructs/aws/network';
import { SkillforgeStack } from './base-stack';

export class NetworkStack extends SkillforgeStack {
  readonly network: Network;

  constructor(scope: Construct, env: EnvConfig) {
    super(scope, { env, layer: 'network' });
    this.network = new Network(this, 'network', { env });
  }
}
