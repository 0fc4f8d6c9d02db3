// The NFR report's last section: the scanner findings this environment accepts (the model's scannerExceptions),
// so a reviewer sees every active suppression with its reason and expiry next to the promises it might touch.
import type { EnvConfig, ScannerTarget } from '../../environments';
import { scannerExceptionsOf } from '../../constructs/contracts';
import { compactTable } from './markdown-table';

function targetText(target: ScannerTarget): string {
  if (target === 'everywhere') return 'every file';
  if ('kind' in target) return `\`k8s/${target.namespace}/${target.kind}.${target.name}.yaml\``;
  return `\`${target.stack}\`${target.resource ? ` \`${target.resource}\`` : ' (whole stack file)'}`;
}

export function scannerExceptionsMarkdown(env: EnvConfig): string {
  const records = scannerExceptionsOf(env);
  return [
    '## Accepted scanner findings',
    [
      `${records.length} active suppressions, rendered from \`scannerExceptions\` into each scanner's own format`,
      '(`docs/scanners.md`). The suite fails when one has expired or no longer suppresses anything.',
    ].join('\n'),
    compactTable(
      ['record', 'scanner', 'checks', 'applies to', 'expires', 'reason'],
      records.map((record) => [
        `\`${record.id}\``,
        record.scanner,
        record.checks.join(', '),
        record.targets.map(targetText).join('<br>'),
        record.expires,
        record.reason.replaceAll('|', '\\|'),
      ]),
    ),
  ].join('\n\n');
}
