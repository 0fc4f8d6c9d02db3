// Field-level diffs: the paths and values a reviewer reads under each changed item.
import { describe, expect, it } from 'vitest';
import { countLineChanges } from '../../scripts/review/line-diff';
import { diffValues, joinKey, stableStringify } from '../../scripts/review/value-diff';

describe('diffValues', () => {
  it('reports nested changes as dotted paths with before and after values', () => {
    expect(diffValues({ a: { b: 1, c: 'x' } }, { a: { b: 2, c: 'x', d: true } })).toEqual([
      { path: 'a.b', change: 'changed', before: 1, after: 2 },
      { path: 'a.d', change: 'added', after: true },
    ]);
  });

  it('quotes keys that are not identifiers, such as Kubernetes label keys', () => {
    expect(joinKey('metadata.labels', 'app.kubernetes.io/name')).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(diffValues({ labels: { 'app.kubernetes.io/name': 'a' } }, { labels: {} })).toEqual([
      { path: 'labels["app.kubernetes.io/name"]', change: 'removed', before: 'a' },
    ]);
  });

  it('collapses a list of scalars into the elements that entered and left', () => {
    expect(diffValues({ ids: ['sg-1', 'sg-2', 'sg-3'] }, { ids: ['sg-3', 'sg-1', 'sg-4'] })).toEqual([
      { path: 'ids', change: 'elements', added: ['sg-4'], removed: ['sg-2'] },
    ]);
  });

  it('reports a list of scalars that only changed order as reordered', () => {
    expect(diffValues(['a', 'b'], ['b', 'a'], 'args')).toEqual([{ path: 'args', change: 'reordered' }]);
  });

  it('matches list elements by name, so inserting a container does not shift every index', () => {
    const before = { containers: [{ name: 'api', image: 'api:1' }] };
    const after = {
      containers: [
        { name: 'sidecar', image: 'proxy:2' },
        { name: 'api', image: 'api:2' },
      ],
    };
    expect(diffValues(before, after)).toEqual([
      { path: 'containers[name=api].image', change: 'changed', before: 'api:1', after: 'api:2' },
      { path: 'containers[name=sidecar]', change: 'added', after: { name: 'sidecar', image: 'proxy:2' } },
    ]);
  });

  it('falls back to positions for lists of objects without a unique identity', () => {
    expect(diffValues({ rules: [{ port: 80 }, { port: 443 }] }, { rules: [{ port: 8080 }] })).toEqual([
      { path: 'rules[0].port', change: 'changed', before: 80, after: 8080 },
      { path: 'rules[1]', change: 'removed', before: { port: 443 } },
    ]);
  });

  it('diffs JSON held in a string (an IAM policy) as a structure', () => {
    const policy = (action: string) => JSON.stringify({ Statement: [{ Action: action, Effect: 'Allow' }] });
    expect(diffValues({ policy: policy('s3:GetObject') }, { policy: policy('s3:*') })).toEqual([
      { path: 'policy(json).Statement[0].Action', change: 'changed', before: 's3:GetObject', after: 's3:*' },
    ]);
  });

  it('finds nothing between values that differ only in key order', () => {
    expect(diffValues({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toEqual([]);
    expect(stableStringify({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('countLineChanges', () => {
  it('counts added and removed lines around an unchanged prefix and suffix', () => {
    expect(countLineChanges('a\nb\nc\nd\n', 'a\nx\nc\nd\ne\n')).toEqual({ added: 2, removed: 1 });
  });

  it('counts every line of a new file as added', () => {
    expect(countLineChanges('', 'one\ntwo\n')).toEqual({ added: 2, removed: 0 });
  });
});
