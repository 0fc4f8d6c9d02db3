// The per-type replacement table of docs/review.md, generated from the registry so the two cannot drift apart
// (a test compares them).
import { describeTrigger } from './replacement-triggers';
import {
  providerDocsUrl,
  STATEFUL_KUBERNETES_KINDS,
  STATEFUL_TERRAFORM_TYPES,
  type ReplacementAttribute,
} from './stateful-registry';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function attributeRow(type: string, attribute: ReplacementAttribute): string {
  const effect = attribute.effect ?? 'forces replacement';
  const note = attribute.note ? `; ${attribute.note}` : '';
  const cells = [
    `\`${type}\``,
    `\`${attribute.path}\``,
    describeTrigger(attribute),
    `${effect}${note}`,
    `[${type.replace(/^aws_/, '')}](${providerDocsUrl(type)})`,
  ];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

export function terraformReplacementTable(): string {
  const rows = STATEFUL_TERRAFORM_TYPES.flatMap((entry) =>
    entry.attributes.map((attribute) => attributeRow(entry.type, attribute)),
  );
  return [
    '| Type | Attribute | Flagged on | Effect | Source |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function kubernetesReplacementTable(): string {
  const rows = STATEFUL_KUBERNETES_KINDS.map((entry) => {
    const mutable = entry.mutableSpecPaths
      ? `any spec change outside ${entry.mutableSpecPaths.map((path) => `\`${path}\``).join(', ')}`
      : 'removal only';
    const source = entry.docsNote ? `[${entry.docsNote}](${entry.docs})` : `[namespaces](${entry.docs})`;
    return `| ${entry.kind} | ${mutable} | ${source} |`;
  });
  return ['| Kind | Flagged besides removal | Source |', '| --- | --- | --- |', ...rows].join('\n');
}
