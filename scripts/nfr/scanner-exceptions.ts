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

/** The external images accepted by tag: synth renders each one's tagOnlyException as checkov's CKV_K8S_43 skip. */
function tagOnlyImageRows(env: EnvConfig): string[][] {
  return Object.entries(env.images).flatMap(([name, image]) => {
    const exception = image.source === 'external' ? image.tagOnlyException : undefined;
    if (exception === undefined) return [];
    return [
      [
        `\`images.${name}.tagOnlyException\``,
        'checkov',
        'CKV_K8S_43',
        `objects running \`${image.repository}:${image.tag}\``,
        exception.expires,
        exception.reason,
      ],
    ];
  });
}

export function scannerExceptionsMarkdown(env: EnvConfig): string {
  const rows = [
    ...scannerExceptionsOf(env).map((record) => [
      `\`${record.id}\``,
      record.scanner,
      record.checks.join(', '),
      record.targets.map(targetText).join('<br>'),
      record.expires,
      record.reason,
    ]),
    ...tagOnlyImageRows(env),
  ];
  return [
    '## Accepted scanner findings',
    [
      `${rows.length} active suppressions, rendered from \`scannerExceptions\` and the tag-only images' exceptions`,
      "into each scanner's own format (`docs/scanners.md`). The suite fails when one has expired or no longer",
      'suppresses anything.',
    ].join('\n'),
    compactTable(
      ['record', 'scanner', 'checks', 'applies to', 'expires', 'reason'],
      rows.map((row) => row.map((cell, index) => (index === 5 ? cell.replaceAll('|', '\\|') : cell))),
    ),
  ].join('\n\n');
}
