// renderMarkdown: the review as a pull-request comment. A verdict and the destructive findings first, a one-screen
// env × layer summary table, then one collapsed section per environment and layer. Every list is sorted and
// capped, so the same diff always renders the same comment and a large diff still fits GitHub's comment limit.
import { type Acknowledgement, type ReviewedFinding, isBlocking } from './acknowledgements';
import { findDestructiveChanges } from './destructive';
import type { DisruptiveChange } from './disruptive-changes';
import { renderFindings, renderWarnings, verdictLine } from './markdown-findings';
import { groupIdentical, groupLines, isGroup } from './markdown-groups';
import { escapeHtml, formatFieldChange, formatLineCounts, inlineCode } from './markdown-format';
import {
  compareText,
  countByStatus,
  LAYER_LABELS,
  LAYERS,
  type EnvDiff,
  type ItemDiff,
  type ItemStatus,
  type Layer,
  type TreeDiff,
} from './model';

export interface MarkdownOptions {
  /** Findings with their acknowledgements; default: findDestructiveChanges(diff), none acknowledged. */
  readonly findings?: readonly ReviewedFinding[];
  readonly unusedAcknowledgements?: readonly Acknowledgement[];
  /** Disruptive in-place changes, printed as warnings at the top. */
  readonly warnings?: readonly DisruptiveChange[];
  /** Further warning sections, already Markdown (e.g. EKS version support), printed with the warnings at the top. */
  readonly notices?: readonly string[];
  /** The terraform plans the review read, one line each (`prod-network` from `plans/prod-network.json`). */
  readonly plans?: readonly { readonly env: string; readonly stack: string; readonly file: string }[];
  /** What was compared, e.g. "`origin/main` → working tree". */
  readonly comparing?: string;
  readonly maxItemsPerSection?: number;
  readonly maxFieldsPerItem?: number;
  readonly maxValueLength?: number;
  readonly maxFindings?: number;
}

interface Limits {
  readonly maxItemsPerSection: number;
  readonly maxFieldsPerItem: number;
  readonly maxValueLength: number;
  readonly maxFindings: number;
  readonly details: boolean;
}

/** GitHub rejects issue comments above 65,536 characters; keep a margin for the job's own wrapper text. */
export const COMMENT_BUDGET = 60_000;

const STATUS_ORDER: readonly ItemStatus[] = ['removed', 'changed', 'added'];
const STATUS_MARKER: Readonly<Record<ItemStatus, string>> = { removed: '−', changed: '~', added: '+' };

export function formatCounts(items: readonly ItemDiff[]): string {
  const counts = countByStatus(items);
  const parts = [
    counts.added > 0 ? `+${counts.added}` : '',
    counts.changed > 0 ? `~${counts.changed}` : '',
    counts.removed > 0 ? `−${counts.removed}` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' ') : '·';
}

function blockingAddresses(findings: readonly ReviewedFinding[], env: string, layer: Layer): Set<string> {
  return new Set(
    findings
      .filter((finding) => isBlocking(finding) && finding.env === env && finding.layer === layer)
      .flatMap((finding) => [finding.address, finding.newAddress ?? finding.address]),
  );
}

function summaryTable(diff: TreeDiff, findings: readonly ReviewedFinding[]): string[] {
  const header = `| Environment | ${LAYERS.map((layer) => LAYER_LABELS[layer]).join(' | ')} |`;
  const rule = `| --- | ${LAYERS.map(() => '---').join(' | ')} |`;
  const rows = diff.envs.map((env) => {
    const cells = LAYERS.map((layer) => {
      const items = env.layers.find((entry) => entry.layer === layer)?.items ?? [];
      const counts = formatCounts(items);
      return blockingAddresses(findings, env.env, layer).size > 0 ? `**${counts} ⛔**` : counts;
    });
    return `| ${inlineCode(env.env)} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows];
}

function itemLines(item: ItemDiff, flagged: boolean, limits: Limits): string[] {
  const lines = item.lines ? `, ${formatLineCounts(item.lines)}` : '';
  const flag = flagged ? ' ⛔' : '';
  const head = `- ${STATUS_MARKER[item.status]} ${inlineCode(item.id)} (${item.kind})${lines}${flag}`;
  const fields = item.fields.slice(0, limits.maxFieldsPerItem);
  const fieldLines = fields.map((field) => `  - ${formatFieldChange(field, limits.maxValueLength)}`);
  const hidden = item.fields.length - fields.length;
  if (hidden > 0) fieldLines.push(`  - … and ${hidden} more ${hidden === 1 ? 'field' : 'fields'}`);
  return [head, ...fieldLines];
}

function orderedItems(items: readonly ItemDiff[]): ItemDiff[] {
  return [...items].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || compareText(a.id, b.id),
  );
}

function envSection(env: EnvDiff, findings: readonly ReviewedFinding[], limits: Limits): string[] {
  const lines = ['', `#### ${inlineCode(env.env)}`];
  for (const { layer, items } of env.layers) {
    const flagged = blockingAddresses(findings, env.env, layer);
    const rows = groupIdentical(orderedItems(items), flagged);
    const shown = rows.slice(0, limits.maxItemsPerSection);
    const open = flagged.size > 0 ? ' open' : '';
    const summary = escapeHtml(`${LAYER_LABELS[layer]}: ${formatCounts(items)}`);
    lines.push('', `<details${open}><summary>${summary}</summary>`, '');
    for (const row of shown) {
      lines.push(
        ...(isGroup(row)
          ? groupLines(row, limits.maxFieldsPerItem, limits.maxValueLength)
          : itemLines(row, flagged.has(row.id), limits)),
      );
    }
    const hidden = rows.length - shown.length;
    if (hidden > 0) lines.push(`- … and ${hidden} more`);
    lines.push('', '</details>');
  }
  return lines;
}

function render(diff: TreeDiff, options: MarkdownOptions, limits: Limits): string {
  const findings = options.findings ?? findDestructiveChanges(diff);
  const comparing = options.comparing ? `: ${options.comparing}` : '';
  const lines = [`### Deploy review${comparing}`, '', verdictLine(findings)];
  const warningLines = renderWarnings(options.warnings ?? [], limits);
  if (warningLines.length > 0) lines.push('', ...warningLines);
  if (options.notices && options.notices.length > 0) lines.push('', ...options.notices);
  const findingLines = renderFindings(findings, options.unusedAcknowledgements ?? [], limits);
  if (findingLines.length > 0) lines.push('', ...findingLines);
  if (options.plans && options.plans.length > 0) {
    const read = options.plans.map(
      (plan) => `${inlineCode(`${plan.env}/${plan.stack}`)} (${inlineCode(plan.file)})`,
    );
    lines.push(
      '',
      `Terraform plans read (they override the replacement table for their stacks): ${read.join(', ')}.`,
    );
  }
  if (diff.envs.length === 0) {
    lines.push('', 'No changes in the rendered tree.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', ...summaryTable(diff, findings));
  if (limits.details) {
    for (const env of diff.envs) lines.push(...envSection(env, findings, limits));
  } else {
    lines.push(
      '',
      `_Per-item details left out: the diff is too large for one comment. Run the review locally._`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(diff: TreeDiff, options: MarkdownOptions = {}): string {
  const requested: Limits = {
    maxItemsPerSection: options.maxItemsPerSection ?? 25,
    maxFieldsPerItem: options.maxFieldsPerItem ?? 8,
    maxValueLength: options.maxValueLength ?? 80,
    maxFindings: options.maxFindings ?? 50,
    details: true,
  };
  // Shrink in steps until the comment fits: fewer items and fields first, then no details at all.
  const attempts: Limits[] = [
    requested,
    { ...requested, maxItemsPerSection: 10, maxFieldsPerItem: 3, maxValueLength: 40 },
    { ...requested, maxFindings: 20, details: false },
  ];
  let markdown = '';
  for (const limits of attempts) {
    markdown = render(diff, options, limits);
    if (markdown.length <= COMMENT_BUDGET) break;
  }
  return markdown;
}
