// The `.sops.yaml` of the repository, generated from the model: each environment's SOPS-encrypted files
// (environments/secrets/<env>/*.sops.yaml) are encrypted with that environment's own KMS key (runbook §2.2), so a
// developer with access to dev cannot decrypt production configuration.
import type { EnvConfig } from '../../environments';
import { kmsAliasName } from './naming';

/** KMS purpose of the SOPS key: alias/skillforge-<env>-sops. */
export const SOPS_KEY_PURPOSE = 'sops';

export interface SopsCreationRule {
  readonly path_regex: string;
  readonly kms: string;
}

export interface SopsConfig {
  readonly creation_rules: readonly SopsCreationRule[];
}

/** Folder of an environment's encrypted files. */
export const sopsSecretsDir = (env: EnvConfig): string => `environments/secrets/${env.name}`;

/** The alias ARN SOPS encrypts with; an alias ARN survives key replacement, a key ARN would not. */
export const sopsKeyAliasArn = (env: EnvConfig): string =>
  `arn:aws:kms:${env.aws.region}:${env.aws.accountId}:${kmsAliasName(env, SOPS_KEY_PURPOSE)}`;

/** One creation rule per environment, sorted by environment name so the file is deterministic. */
export function sopsConfig(envs: readonly EnvConfig[]): SopsConfig {
  return {
    creation_rules: [...envs]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((env) => ({
        path_regex: `^${escapeRegex(sopsSecretsDir(env))}/.*\\.sops\\.yaml$`,
        kms: sopsKeyAliasArn(env),
      })),
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
