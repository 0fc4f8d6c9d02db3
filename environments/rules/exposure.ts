// The cluster API's public endpoint: private by default, and when opened, only to ranges the model can defend.
// Several wide CIDRs can open it as surely as 0.0.0.0/0 (0.0.0.0/1 + 128.0.0.0/1), so each CIDR is held to the
// model's own limit and the list as a whole may never cover every address.
import { exceptionExpired, parseCidr } from '../schema/primitives';
import { type EnvironmentRule, type RuleViolation, violation } from './types';

const ALL_IPV4_ADDRESSES = 2 ** 32;

export const publicEndpointNarrow: EnvironmentRule = {
  id: 'public-endpoint-narrow',
  description:
    'public API endpoint CIDRs are no wider than cluster.publicEndpointMinPrefixLength unless an unexpired exception says why, and never cover the whole internet',
  check: (env, { today }) => {
    const { publicEndpointCidrs: cidrs, publicEndpointExceptions: exceptions } = env.cluster;
    const limit = env.cluster.publicEndpointMinPrefixLength;
    const problems: RuleViolation[] = [];
    cidrs.forEach((cidr, index) => {
      const prefix = parseCidr(cidr)?.prefix;
      const path = `cluster.publicEndpointCidrs[${index}]`;
      if (prefix === undefined || prefix >= limit) return;
      const exception = exceptions[cidr];
      if (prefix === 0) {
        problems.push(violation(path, cidr, 'expected a restricted CIDR, not the whole internet'));
      } else if (exception === undefined) {
        problems.push(
          violation(
            path,
            cidr,
            `expected /${limit} or narrower (cluster.publicEndpointMinPrefixLength), or cluster.publicEndpointExceptions["${cidr}"] saying why, until when`,
          ),
        );
      } else if (exceptionExpired(exception, today)) {
        problems.push(
          violation(
            `cluster.publicEndpointExceptions["${cidr}"].expires`,
            exception.expires,
            `expected a date from ${today} on: the exception has lapsed, so narrow the CIDR or review the exception again`,
          ),
        );
      }
    });
    for (const cidr of Object.keys(exceptions)) {
      if (!cidrs.includes(cidr)) {
        problems.push(
          violation(
            `cluster.publicEndpointExceptions["${cidr}"]`,
            cidr,
            `expected an exception only for a CIDR of cluster.publicEndpointCidrs (${cidrs.join(', ') || 'none'})`,
          ),
        );
      }
    }
    if (
      !cidrs.some((cidr) => parseCidr(cidr)?.prefix === 0) &&
      addressesCovered(cidrs) >= ALL_IPV4_ADDRESSES
    ) {
      problems.push(
        violation(
          'cluster.publicEndpointCidrs',
          cidrs,
          'expected CIDRs that leave part of the internet out: together these cover every IPv4 address',
        ),
      );
    }
    return problems;
  },
};

/** Addresses in the union of the ranges (overlaps counted once). */
function addressesCovered(cidrs: readonly string[]): number {
  const ranges = cidrs
    .map(parseCidr)
    .filter((range) => range !== undefined)
    .sort((a, b) => a.first - b.first);
  let covered = 0;
  let end = -1;
  for (const { first, last } of ranges) {
    if (last <= end) continue;
    covered += last - Math.max(first, end + 1) + 1;
    end = last;
  }
  return covered;
}

export const exposureRules = [publicEndpointNarrow];
