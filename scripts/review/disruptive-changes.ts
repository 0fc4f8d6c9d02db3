// In-place changes that do not destroy anything but take a data store or the cluster through a disruptive step:
// an engine major version, the primary's instance class, a Multi-AZ toggle, a Kubernetes version step. They are
// printed as warnings at the top of the comment and do not fail the review. A Terraform type missing from the
// replacement table is warned about too: the gate cannot tell what its changes do.
import { compareText, type FieldChange, type ItemDiff, type TreeDiff } from './model';
import { replacementEntry, type DisruptiveRule } from './replacement-registry';
import { conditionHolds, majorVersion, resolvePath } from './replacement-triggers';
import { deepEqual, isPlainObject } from './value-diff';

export const TABLE_FILE = 'scripts/review/replacement/aws-provider-6.25.json';

export interface DisruptiveChange {
  readonly env: string;
  readonly address: string;
  readonly resourceType: string;
  /** The change warned about; undefined for a type the table does not know. */
  readonly change?: FieldChange;
  readonly reason: string;
  readonly source?: string;
}

function ruleFires(rule: DisruptiveRule, before: unknown, after: unknown): boolean {
  const beforeBody = isPlainObject(before) ? before : {};
  const afterBody = isPlainObject(after) ? after : {};
  if (rule.onlyIf && !conditionHolds(rule.onlyIf, rule.path, beforeBody, afterBody)) return false;
  const [old, next] = [resolvePath(beforeBody, rule.path), resolvePath(afterBody, rule.path)];
  if (old === undefined || next === undefined || deepEqual(old, next)) return false;
  if (rule.trigger !== 'major-version') return true;
  return (
    typeof old === 'string' &&
    typeof next === 'string' &&
    majorVersion(old, rule.majorComponents) !== majorVersion(next, rule.majorComponents)
  );
}

function itemWarnings(env: string, item: ItemDiff): DisruptiveChange[] {
  const base = { env, address: item.id, resourceType: item.kind };
  if (item.kind.startsWith('data.') || !item.kind.startsWith('aws_')) return [];
  const entry = replacementEntry(item.kind);
  if (!entry) {
    if (item.status === 'added') return [];
    const reason = `\`${item.kind}\` is not in the replacement table: the review cannot tell whether this ${item.status === 'removed' ? 'removal destroys data' : 'change replaces it'}; add an entry to \`${TABLE_FILE}\``;
    return [{ ...base, reason }];
  }
  if (item.status !== 'changed') return [];
  return (entry.disruptive ?? [])
    .filter((rule) => ruleFires(rule, item.before, item.after))
    .map((rule) => ({
      ...base,
      change: {
        path: rule.path,
        change: 'changed',
        before: resolvePath(item.before, rule.path),
        after: resolvePath(item.after, rule.path),
      },
      reason: rule.reason,
      source: rule.source,
    }));
}

export function findDisruptiveChanges(diff: TreeDiff): DisruptiveChange[] {
  return diff.envs
    .flatMap((env) =>
      (env.layers.find((layer) => layer.layer === 'terraform')?.items ?? []).flatMap((item) =>
        itemWarnings(env.env, item),
      ),
    )
    .sort((a, b) => compareText(a.env, b.env) || compareText(a.address, b.address));
}
