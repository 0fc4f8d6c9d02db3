// The invalid models of issue #14: each one rendered silently (or failed with a stack trace) before, and must now
// stop synth with one line naming the environment, the field, the value as written and what is allowed.
// `issueClass` is the numbered class of the issue each one belongs to.
import type { EnvironmentLayer, EnvironmentRegistry, ValidationContext } from '../../../environments';

export interface InvalidModel {
  readonly issueClass: number;
  readonly what: string;
  /** Validation-only: synth is run in-process on this registry against a copy of deploy/. */
  readonly registry?: EnvironmentRegistry;
  readonly context?: Partial<ValidationContext>;
  /** Source-level: this edit of a file under environments/ (only the source text shows a key written twice). */
  readonly source?: { readonly file: string; readonly from: string; readonly to: string };
  readonly firstLine: string;
}

/** The day the expiring exceptions below are judged on. */
export const TODAY = '2026-12-06';

export const exception = (expires: string) => ({
  reason: 'the office VPN range, until the bastion host is live',
  expires,
});

export const committed = (env: string, versions: Record<string, string>) => ({
  committedVersions: new Map([[env, versions]]),
});

/** A patch the types refuse on purpose (an unknown key). */
export const layer = (patch: unknown) => patch as EnvironmentLayer;
