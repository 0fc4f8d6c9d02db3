// The tables of docs/review.md, generated from the replacement table and the Kubernetes registry so the page and
// the gate cannot drift apart (a test compares them).
import {
  INJECTED_REGION,
  providerDocsUrl,
  REPLACEMENT_TABLE,
  schemaUrl,
  type ReplacementAttribute,
  type ReplacementEntry,
} from './replacement-registry';
import { describeTrigger } from './replacement-triggers';
import { STATEFUL_KUBERNETES_KINDS } from './stateful-registry';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** `cidr_block` (a new value), `engine_version` (a lower version), `port`: a plain `ForceNew` needs no words. */
function attributeText(attribute: ReplacementAttribute): string {
  const plain = (attribute.trigger ?? 'change') === 'change' && !attribute.computed && !attribute.onlyIf;
  const qualifier = plain
    ? ''
    : ` (${describeTrigger(attribute).replace(' (dropping it keeps the running value)', '')})`;
  const effect = attribute.effect ? `: ${attribute.effect}` : '';
  return `\`${attribute.path}\`${qualifier}${effect}`;
}

function sources(entry: ReplacementEntry): string {
  const page = `[${entry.type.replace(/^aws_/, '')}](${providerDocsUrl(entry.type)})`;
  const schema = schemaUrl(entry);
  const read = schema
    ? `[schema @ ${entry.schema.commit?.slice(0, 7)}](${schema})`
    : `schema not re-read: \`${entry.schema.file}\``;
  return `${page} · ${read}`;
}

function notes(entry: ReplacementEntry): string {
  const attributeNotes = entry.forceNew
    .filter((attribute) => attribute.note)
    .map((attribute) => `\`${attribute.path}\`: ${attribute.note}`);
  return [entry.global ? 'global: no `region`' : '', entry.note ?? '', ...attributeNotes]
    .filter(Boolean)
    .join('; ');
}

export function terraformReplacementTable(): string {
  const rows = REPLACEMENT_TABLE.map((entry) =>
    row([
      `\`${entry.type}\``,
      entry.protects ?? '·',
      entry.forceNew.length > 0 ? entry.forceNew.map(attributeText).join(', ') : 'none',
      notes(entry),
      sources(entry),
    ]),
  );
  return [
    '| Type | Gated: holds | Arguments that force a new resource | Notes | Source |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function disruptiveChangeTable(): string {
  const rows = REPLACEMENT_TABLE.flatMap((entry) =>
    (entry.disruptive ?? []).map((rule) =>
      row([
        `\`${entry.type}\``,
        `\`${rule.path}\``,
        [rule.trigger === 'major-version' ? 'a new major version' : 'any change', rule.onlyIf?.description]
          .filter(Boolean)
          .join(', '),
        rule.reason,
        `[source](${rule.source})`,
      ]),
    ),
  );
  return ['| Type | Attribute | Warned on | Why | Source |', '| --- | --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** The line of the page about the `region` argument every regional type has. */
export function injectedRegionLine(): string {
  return `Every type not marked global also replaces on \`${INJECTED_REGION.path}\` (${INJECTED_REGION.note}; [guide](${INJECTED_REGION.source})).`;
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
