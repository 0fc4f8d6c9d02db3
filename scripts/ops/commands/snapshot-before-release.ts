// snapshot-before-release: the on-demand RDS snapshot taken before a major release (runbook §3.3), named after
// the instance and the time, tagged with the release it protects, and waited for until it is usable.
import { postgresIdentifier } from '../../../constructs/contracts';
import { UsageError } from '../../cli/args';
import { aws, tags } from '../aws/cli';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';
import { nameStamp } from '../runner/time';

const RELEASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const snapshotBeforeReleaseDefinition: OpsCommandDefinition = {
  name: 'snapshot-before-release',
  options: {
    release: {
      type: 'string',
      value: '<version>',
      description: 'the release about to ship, recorded as a tag',
    },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const release = stringOption(values, 'release');
    if (release !== undefined && !RELEASE_PATTERN.test(release)) {
      throw new UsageError(
        `snapshot-before-release: --release: got "${release}"; expected letters, digits, ".", "_" or "-" (at most 64)`,
      );
    }
    const instance = postgresIdentifier(env);
    const snapshot = `${instance}-pre-release-${nameStamp(deps.now())}`;
    return {
      steps: [
        {
          name: 'create-snapshot',
          changes: true,
          lines: [
            aws(
              env,
              'rds',
              'create-db-snapshot',
              '--db-instance-identifier',
              instance,
              '--db-snapshot-identifier',
              snapshot,
              '--tags',
              ...tags({
                'skillforge:purpose': 'pre-release',
                ...(release === undefined ? {} : { 'skillforge:release': release }),
              }),
              '--query',
              'DBSnapshot.Status',
              '--output',
              'text',
            ),
          ],
        },
        {
          name: 'wait-snapshot-available',
          changes: false,
          lines: [aws(env, 'rds', 'wait', 'db-snapshot-available', '--db-snapshot-identifier', snapshot)],
        },
      ],
    };
  },
};

export const snapshotBeforeRelease = opsCommand(snapshotBeforeReleaseDefinition);
