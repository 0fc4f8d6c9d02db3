// The committed exception list stays well-formed and current.
import { describe, expect, it } from 'vitest';
import { kubernetesExceptionProblems } from './engine';
import { kubernetesExceptions } from './exceptions';
import { kubernetesRules } from './rules';

describe('test/policy/k8s/exceptions.ts', () => {
  it('has no expired or malformed exception', () => {
    const problems = kubernetesExceptionProblems(kubernetesExceptions, kubernetesRules);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
