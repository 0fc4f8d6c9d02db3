// Where the pinned scanners live: scripts/tools/install.sh puts <tool>-<version>/bin/<tool> under the tools
// folder (${SKILLFORGE_TOOLS_DIR:-~/.cache/skillforge-tools}), at the versions in scripts/tools/versions.env.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const INSTALL_COMMAND = 'bash scripts/tools/install.sh';

export type ToolName = 'checkov' | 'trivy' | 'actionlint' | 'kube-score';

const VERSION_KEYS: Record<ToolName, string> = {
  checkov: 'CHECKOV_VERSION',
  trivy: 'TRIVY_VERSION',
  actionlint: 'ACTIONLINT_VERSION',
  'kube-score': 'KUBE_SCORE_VERSION',
};

/** The pinned versions, read from the file the installer sources. */
export function pinnedVersions(root: string = REPO_ROOT): Record<ToolName, string> {
  const text = readFileSync(join(root, 'scripts', 'tools', 'versions.env'), 'utf8');
  const values = new Map(
    text
      .split('\n')
      .map((line) => /^([A-Z_]+)=(\S+)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
  const versions = {} as Record<ToolName, string>;
  for (const [tool, key] of Object.entries(VERSION_KEYS) as [ToolName, string][]) {
    const version = values.get(key);
    if (!version) throw new Error(`scripts/tools/versions.env has no ${key}`);
    versions[tool] = version;
  }
  return versions;
}

export function toolsDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.SKILLFORGE_TOOLS_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'skillforge-tools')
  );
}

export class MissingToolError extends Error {}

export interface Tool {
  readonly name: ToolName;
  readonly version: string;
  readonly path: string;
}

/** The installed binary of a pinned tool; a tool that is not installed fails with the command that installs it. */
export function requireTool(name: ToolName, env: NodeJS.ProcessEnv = process.env): Tool {
  const version = pinnedVersions()[name];
  const folder = join(toolsDir(env), `${name}-${version}`);
  const path = join(folder, 'bin', name);
  if (!existsSync(join(folder, '.installed')) || !existsSync(path)) {
    throw new MissingToolError(
      `${name} ${version} is not installed (looked for ${path}); install the pinned scanners with: ${INSTALL_COMMAND}`,
    );
  }
  return { name, version, path };
}
