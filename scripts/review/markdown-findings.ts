// The top of the review comment: the verdict, the disruptive in-place changes (warnings), every gated destructive
// finding (unacknowledged ones first and bold), then the replacements of resources that hold no data, collapsed.
import {
  ACKNOWLEDGEMENTS_FILE,
  isBlocking,
  type Acknowledgement,
  type ReviewedFinding,
} from './acknowledgements';
import type { ReplacedAttribute } from './destructive';
import type { DisruptiveChange } from './disruptive-changes';
import { escapeHtml, formatFieldChange, inlineCode } from './markdown-format';

export interface FindingLimits {
  readonly maxFindings: number;
  readonly maxValueLength: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function verdictLine(findings: readonly ReviewedFinding[]): string {
  const gated = findings.filter((finding) => finding.gated);
  const blocking = gated.filter(isBlocking).length;
  if (gated.length === 0) return '✅ No destructive changes to stateful resources.';
  if (blocking === 0) return `✅ ${plural(gated.length, 'destructive change')}, all acknowledged.`;
  return `⛔ **${plural(blocking, 'destructive change')} not acknowledged: the review fails.**`;
}

function headline(finding: ReviewedFinding): string {
  const env = inlineCode(finding.env);
  const type = `(${finding.resourceType})`;
  const planned = finding.source === 'plan' ? ' · terraform plan' : '';
  if (finding.kind === 'rename') {
    const pair = `${inlineCode(finding.address)} → ${inlineCode(finding.newAddress ?? '?')}`;
    return `${env} · destroy/create pair · ${pair} ${type}${planned}`;
  }
  return `${env} · ${finding.kind} · ${inlineCode(finding.address)} ${type}${planned}`;
}

function removalConsequence(finding: ReviewedFinding): string {
  if (finding.layer === 'terraform') {
    return 'gone from the rendered tree: `terraform apply` destroys it and its data';
  }
  if (finding.resourceType === 'Namespace') {
    return 'gone from the rendered tree: Argo CD prunes it, and Kubernetes deletes every object in it';
  }
  return 'gone from the rendered tree: Argo CD prunes it, and its data with it';
}

function renameConsequence(finding: ReviewedFinding): string {
  if (finding.layer === 'terraform') {
    return '`terraform apply` destroys the old address and creates the new one; keep the construct id, or move the state first';
  }
  if (finding.resourceType === 'StatefulSet') {
    // Claims from volumeClaimTemplates are named <template>-<statefulset>-<ordinal>.
    return 'Argo CD prunes the old StatefulSet and creates the new one, whose pods get new, empty volume claims';
  }
  if (finding.resourceType === 'Namespace') {
    return 'Argo CD prunes the old namespace, and Kubernetes deletes every object in it';
  }
  return 'Argo CD prunes the old object and creates a new, empty one';
}

function attributeLine(attribute: ReplacedAttribute, limits: FindingLimits): string {
  const note = attribute.note ? ` (${attribute.note})` : '';
  const source = /^https?:/.test(attribute.citation)
    ? `[source](${attribute.citation})`
    : `(plan ${inlineCode(attribute.citation)})`;
  const reference = attribute.reference;
  const what = reference
    ? `${inlineCode(attribute.path)} reads ${inlineCode(reference.expression)}, and ${inlineCode(reference.upstream)} ${reference.why}${reference.via.length > 0 ? ` (through ${reference.via.map(inlineCode).join(' → ')})` : ''}`
    : attribute.change
      ? formatFieldChange(attribute.change, limits.maxValueLength)
      : inlineCode(attribute.path);
  return `${what}: ${attribute.effect}${note} ${source}`;
}

function explanation(finding: ReviewedFinding, limits: FindingLimits): string[] {
  switch (finding.kind) {
    case 'removal':
      return [removalConsequence(finding)];
    case 'rename': {
      const paths = finding.constructPaths;
      const how =
        paths?.before && paths.after && paths.before !== paths.after
          ? `construct path ${inlineCode(paths.before)} → ${inlineCode(paths.after)}`
          : 'same resource under a new address';
      return [`${how}: ${renameConsequence(finding)}`];
    }
    case 'replacement':
      return finding.attributes.map((attribute) => attributeLine(attribute, limits));
  }
}

// prevent_destroy only guards a resource whose block is still in the configuration: it stops a replacement, but
// leaves with a removed or renamed block.
function preventDestroyLine(finding: ReviewedFinding): string[] {
  if (!finding.preventDestroy) return [];
  return finding.kind === 'replacement'
    ? [
        '`lifecycle.prevent_destroy` is set: the plan fails instead of replacing, until the change is reworked',
      ]
    : ['`lifecycle.prevent_destroy` left with the removed block: it does not protect this resource'];
}

function findingLines(finding: ReviewedFinding, limits: FindingLimits): string[] {
  const details = [...explanation(finding, limits), ...preventDestroyLine(finding)].map(
    (line) => `  - ${line}`,
  );
  const acknowledgement = finding.acknowledgement;
  if (!finding.gated) return [`- ${headline(finding)}`, ...details];
  if (!acknowledgement) return [`- ⛔ **${headline(finding)}**`, ...details];
  const by = `acknowledged by ${acknowledgement.acknowledged_by}: ${acknowledgement.reason}`;
  return [`- ✅ ${headline(finding)}, ${by}`, ...details];
}

/** The warnings block: disruptive in-place changes and types the table does not know. */
export function renderWarnings(warnings: readonly DisruptiveChange[], limits: FindingLimits): string[] {
  if (warnings.length === 0) return [];
  const lines = warnings.slice(0, limits.maxFindings).map((warning) => {
    const change = warning.change ? `${formatFieldChange(warning.change, limits.maxValueLength)}: ` : '';
    const source = warning.source ? ` [source](${warning.source})` : '';
    return `- ⚠️ ${inlineCode(warning.env)} · ${inlineCode(warning.address)} (${warning.resourceType}): ${change}${warning.reason}${source}`;
  });
  if (warnings.length > limits.maxFindings)
    lines.push(`- … and ${warnings.length - limits.maxFindings} more`);
  return [
    `⚠️ **${plural(warnings.length, 'disruptive change')} applied in place** (not blocking; plan the window):`,
    ...lines,
  ];
}

function ungatedBlock(findings: readonly ReviewedFinding[], limits: FindingLimits): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, limits.maxFindings);
  const summary = escapeHtml(
    `${plural(findings.length, 'replacement')} of resources that hold no data (not gated)`,
  );
  const lines = shown.flatMap((finding) => findingLines(finding, limits));
  if (findings.length > shown.length) lines.push(`- … and ${findings.length - shown.length} more`);
  return ['', `<details><summary>${summary}</summary>`, '', ...lines, '', '</details>'];
}

/** The findings block; empty when there is nothing destructive and nothing stale to report. */
export function renderFindings(
  findings: readonly ReviewedFinding[],
  unused: readonly Acknowledgement[],
  limits: FindingLimits,
): string[] {
  const gated = findings.filter((finding) => finding.gated);
  const ordered = [...gated.filter(isBlocking), ...gated.filter((finding) => !isBlocking(finding))];
  const shown = ordered.slice(0, limits.maxFindings);
  const lines = shown.flatMap((finding) => findingLines(finding, limits));
  if (ordered.length > shown.length)
    lines.push(`- … and ${ordered.length - shown.length} more destructive changes`);
  if (ordered.some(isBlocking)) {
    lines.push(
      '',
      `To accept one, add an entry to ${inlineCode(ACKNOWLEDGEMENTS_FILE)} with its ${inlineCode('env')}, ` +
        `${inlineCode('resource')} (the first address above), ${inlineCode('change')} ` +
        `(${['removal', 'rename', 'replacement'].map(inlineCode).join(', ')}), ${inlineCode('reason')} and ` +
        `${inlineCode('acknowledged_by')}.`,
    );
  }
  lines.push(
    ...ungatedBlock(
      findings.filter((finding) => !finding.gated),
      limits,
    ),
  );
  if (unused.length > 0) {
    const entries = unused.map(
      (entry) => `${inlineCode(entry.env)} ${inlineCode(entry.resource)} (${entry.change})`,
    );
    lines.push(
      '',
      `Stale acknowledgements, matching nothing in this review (delete them): ${entries.join(', ')}.`,
    );
  }
  return lines.length > 0 && lines[0] === '' ? lines.slice(1) : lines;
}
