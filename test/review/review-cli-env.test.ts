// The review command's --env forms agree with docs/review.md: repeated, comma-separated, or `all` (the default).
import { describe, expect, it } from 'vitest';
import { reviewEnvironments } from '../../scripts/cli/review';

describe('review --env', () => {
  it('reviews every environment, removed ones included, without --env or with all', () => {
    expect(reviewEnvironments(undefined)).toBe('all');
    expect(reviewEnvironments(['all'])).toBe('all');
  });

  it('takes comma-separated and repeated names, in registry order, once each', () => {
    expect(reviewEnvironments(['prod,dev'])).toEqual(['dev', 'prod']);
    expect(reviewEnvironments(['prod', 'dev, staging', 'prod'])).toEqual(['dev', 'staging', 'prod']);
  });

  it('fails when all is combined with names', () => {
    expect(() => reviewEnvironments(['all,prod'])).toThrow(
      'review: --env: "all" stands alone (got "all,prod")',
    );
  });

  it('fails when a name is not an environment, listing the valid ones', () => {
    expect(() => reviewEnvironments(['dev,qa'])).toThrow(
      'review: --env: got "qa"; expected one of: dev, staging, prod',
    );
  });
});
