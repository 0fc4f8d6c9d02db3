// What the scanner suite does when a tool is missing, crashes, prints garbage or meets a file it cannot parse:
// each fails loudly with the cause, never a silent pass. The fake tools are small shell scripts.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan as checkovScan } from './checkov';
import { scan as kubeScoreScan } from './kube-score';
import { ScannerFailure } from './run';
import { MissingToolError, pinnedVersions, requireTool, type Tool } from './tools';

const scratch = () => mkdtempSync(join(tmpdir(), 'skillforge-scanner-'));

function fakeTool(name: Tool['name'], script: string): Tool {
  const path = join(scratch(), name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return { name, version: pinnedVersions()[name], path };
}

describe('scanner faults', () => {
  it('fails when a tool is missing, naming the exact install command', () => {
    const empty = scratch();
    const version = pinnedVersions().checkov;
    expect(() => requireTool('checkov', { SKILLFORGE_TOOLS_DIR: empty })).toThrow(MissingToolError);
    expect(() => requireTool('checkov', { SKILLFORGE_TOOLS_DIR: empty })).toThrow(
      `checkov ${version} is not installed (looked for ${empty}/checkov-${version}/bin/checkov); ` +
        'install the pinned scanners with: bash scripts/tools/install.sh',
    );
  });

  it('fails when a tool folder is half-installed (no .installed marker)', () => {
    const dir = scratch();
    const version = pinnedVersions().trivy;
    mkdirSync(join(dir, `trivy-${version}`, 'bin'), { recursive: true });
    writeFileSync(join(dir, `trivy-${version}`, 'bin', 'trivy'), '');
    expect(() => requireTool('trivy', { SKILLFORGE_TOOLS_DIR: dir })).toThrow(
      'install the pinned scanners with: bash scripts/tools/install.sh',
    );
  });

  it('fails when a scanner crashes, with its stderr', async () => {
    const tool = fakeTool('checkov', 'echo "Traceback: MemoryError in the graph builder" >&2; exit 2');
    const failure = checkovScan(tool, 'fixture', ['--framework', 'kubernetes']);
    await expect(failure).rejects.toThrow(ScannerFailure);
    await expect(failure).rejects.toThrow(
      `checkov ${tool.version} failed (exit 2): checkov --framework kubernetes\n` +
        'stderr:\nTraceback: MemoryError in the graph builder\n',
    );
  });

  it('fails when a scanner prints something that is not its JSON report, with its stderr', async () => {
    const tool = fakeTool('checkov', 'echo "Passed checks: 3"; echo "warning: no config" >&2');
    await expect(checkovScan(tool, 'fixture', [])).rejects.toThrow(
      `checkov ${tool.version} printed output that is not its JSON report (unexpected "P" at offset 0):\n` +
        'stdout:\nPassed checks: 3\n\nstderr:\nwarning: no config\n',
    );
  });

  it('fails when checkov cannot parse a rendered file, naming the file', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'dev-data'));
    const broken = join(dir, 'dev-data', 'cdk.tf.json');
    writeFileSync(broken, '{"resource": {"aws_s3_bucket": {"x": {"bucket": "b",}}');
    const report = await checkovScan(requireTool('checkov'), 'fixture', [
      '--skip-download',
      '--output',
      'json',
      '--framework',
      'terraform_json',
      '-d',
      dir,
    ]);
    expect(report.unparsed).toEqual([broken]);
    expect(report.summary).toBe('Passed checks: 0, Failed checks: 0, Skipped checks: 0, Parsing errors: 1');
  }, 300_000);

  it('fails when kube-score cannot parse a rendered object, naming the file', async () => {
    const dir = scratch();
    const good = join(dir, 'ConfigMap.good.yaml');
    const bad = join(dir, 'Service.bad.yaml');
    writeFileSync(good, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n');
    // `no` is a YAML 1.1 boolean where a list of ports belongs.
    writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports: no\n');
    const failure = kubeScoreScan(requireTool('kube-score'), dir, [
      'score',
      '--output-format',
      'json',
      good,
      bad,
    ]);
    await expect(failure).rejects.toThrow(
      `kube-score ${pinnedVersions()['kube-score']} cannot parse ${bad}: `,
    );
    await expect(failure).rejects.toThrow(
      'cannot unmarshal bool into Go struct field ServiceSpec.spec.ports',
    );
  }, 300_000);
});
