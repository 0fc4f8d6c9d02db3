// Accepted AWS policy findings. Each entry is a reviewed decision with a reason and an expiry; the rendered-tree
// test fails when an entry has expired or no longer matches a failed finding, so this list cannot rot.
//
//   { rule: 'sg-no-public-egress', address: 'prod/prod-cluster/aws_security_group.nodes',
//     reason: 'Nodes pull images from public registries until the ECR pull-through cache lands (PLAT-123).',
//     expires: '2026-03-31' }
//
// Addresses are "<env>/<stack>/<type>.<name>"; env and stack may be "*" for an exception that holds everywhere.
import type { PolicyException } from '../shared/exceptions';

export const awsPolicyExceptions: readonly PolicyException[] = [];
