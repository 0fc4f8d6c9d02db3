// restore-s3: object version rollback (runbook §3.3). For every key under --prefix (or the one --key), the newest
// version at or before --to is copied back on top, and a key that did not exist then gets a delete marker. Both
// are new versions, so the rollback itself can be rolled back the same way.
import { bucketName } from '../../../constructs/contracts';
import type { BucketPurpose, EnvConfig } from '../../../environments';
import { UsageError } from '../../cli/args';
import { aws } from '../aws/cli';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { choiceOption, stringOption } from '../runner/options';
import type { StepContext } from '../runner/procedure';
import { comment, joined, variable } from '../runner/shell';

// CopyObject copies at most 5 GB in one request; larger objects need a multipart copy this command does not do.
const MAX_COPY_BYTES = 5 * 1024 ** 3;

interface ObjectVersion {
  readonly Key: string;
  readonly VersionId: string;
  readonly IsLatest: boolean;
  readonly LastModified: string;
  readonly Size?: number;
}

export interface RollbackAction {
  readonly key: string;
  readonly action: 'copy' | 'delete';
  readonly versionId?: string;
  readonly size?: number;
}

export const restoreS3Definition: OpsCommandDefinition = {
  name: 'restore-s3',
  options: {
    bucket: {
      type: 'string',
      value: '<purpose>',
      required: true,
      description: 'bucket purpose from the model, e.g. assets',
    },
    prefix: { type: 'string', value: '<prefix>', description: 'roll back every key under this prefix' },
    key: { type: 'string', value: '<key>', description: 'roll back this one key' },
    to: {
      type: 'string',
      value: '<time>',
      required: true,
      description: 'ISO 8601 time to roll back to, e.g. 2026-11-20T00:00:00Z',
    },
  },
  build({ invocation }) {
    const { env, values } = invocation;
    const purpose = choiceOption(
      'restore-s3',
      'bucket',
      String(values.bucket),
      Object.keys(env.storage.buckets),
    );
    const prefix = stringOption(values, 'prefix');
    const key = stringOption(values, 'key');
    if ((prefix === undefined) === (key === undefined)) {
      throw new UsageError('restore-s3: give exactly one of --prefix <prefix> or --key <key>');
    }
    const to = parseTime(String(values.to));
    const bucket = bucketName(env, purpose as BucketPurpose);
    const scope = prefix ?? key!;
    const listLine = aws(
      env,
      's3api',
      'list-object-versions',
      '--bucket',
      bucket,
      '--prefix',
      scope,
      '--output',
      'json',
    );
    return {
      steps: [
        {
          name: 'roll-back-objects',
          changes: true,
          lines: [
            listLine,
            comment(
              `for each ${key === undefined ? `key under "${prefix}"` : `key "${key}"`}: copy back the newest version ` +
                `at or before ${to.toISOString()} if it is not current, or add a delete marker if the key did not exist then`,
            ),
            copyLine(env, bucket),
            deleteLine(env, bucket),
          ],
          async run(ctx) {
            const listing = JSON.parse(await ctx.exec(listLine)) as {
              Versions?: ObjectVersion[];
              DeleteMarkers?: ObjectVersion[];
            };
            const actions = planRollback(listing, to, key);
            ctx.log('s3.rollback_planned', { bucket, keys: actions.length });
            for (const action of actions) await apply(ctx, env, bucket, action);
            ctx.print(`rolled back ${actions.length} key(s) in ${bucket} to ${to.toISOString()}`);
          },
        },
      ],
    };
  },
};

export const restoreS3 = opsCommand(restoreS3Definition);

/** What to do per key; keys whose current version already is the target are left alone. Exported for tests. */
export function planRollback(
  listing: {
    readonly Versions?: readonly ObjectVersion[];
    readonly DeleteMarkers?: readonly ObjectVersion[];
  },
  to: Date,
  exactKey: string | undefined,
): RollbackAction[] {
  const entries = [
    ...(listing.Versions ?? []).map((version) => ({ ...version, deleted: false })),
    ...(listing.DeleteMarkers ?? []).map((marker) => ({ ...marker, deleted: true })),
  ].filter((entry) => exactKey === undefined || entry.Key === exactKey);
  const keys = [...new Set(entries.map((entry) => entry.Key))].sort();
  return keys.flatMap((objectKey): RollbackAction[] => {
    const history = entries
      .filter((entry) => entry.Key === objectKey)
      .sort((a, b) => Date.parse(b.LastModified) - Date.parse(a.LastModified));
    const current = history.find((entry) => entry.IsLatest) ?? history[0]!;
    const target = history.find((entry) => Date.parse(entry.LastModified) <= to.getTime());
    if (target === undefined || target.deleted) {
      return current.deleted ? [] : [{ key: objectKey, action: 'delete' }];
    }
    if (target.VersionId === current.VersionId) return [];
    return [{ key: objectKey, action: 'copy', versionId: target.VersionId, size: target.Size }];
  });
}

const copyLine = (env: EnvConfig, bucket: string) =>
  aws(
    env,
    's3api',
    'copy-object',
    '--bucket',
    bucket,
    '--key',
    variable('KEY'),
    '--copy-source',
    joined(`${bucket}/`, variable('KEY_URL_ENCODED'), '?versionId=', variable('VERSION_ID')),
  );

const deleteLine = (env: EnvConfig, bucket: string) =>
  aws(env, 's3api', 'delete-object', '--bucket', bucket, '--key', variable('KEY'));

async function apply(
  ctx: StepContext,
  env: EnvConfig,
  bucket: string,
  action: RollbackAction,
): Promise<void> {
  ctx.vars.set('KEY', action.key);
  if (action.action === 'delete') {
    await ctx.exec(deleteLine(env, bucket));
  } else {
    if ((action.size ?? 0) > MAX_COPY_BYTES) {
      throw new Error(
        `${action.key} is larger than 5 GB; copy version ${action.versionId} with aws s3 cp instead`,
      );
    }
    ctx.vars.set('KEY_URL_ENCODED', action.key.split('/').map(encodeURIComponent).join('/'));
    ctx.vars.set('VERSION_ID', action.versionId!);
    await ctx.exec(copyLine(env, bucket));
  }
  ctx.log('s3.key_rolled_back', { bucket, ...action });
}

function parseTime(text: string): Date {
  // Only full timestamps with a zone: a bare date or local time would mean different moments to different people.
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    Number.isNaN(Date.parse(text))
  ) {
    throw new UsageError(
      `restore-s3: --to: got "${text}"; expected an ISO 8601 time with a zone, e.g. 2026-11-20T00:00:00Z`,
    );
  }
  return new Date(text);
}
