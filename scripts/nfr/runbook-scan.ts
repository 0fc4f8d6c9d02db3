// The runbook scan: every figure (any token containing a digit) must be claimed by a catalogue entry, whose
// verbatim source passage contains it and lists it, or matched by an ignore rule for a figure that is not a
// promise. A figure neither claims is reported, so a runbook edit that adds a number cannot slip past the
// catalogue.
import type { NfrId } from '../../constructs/contracts/nfr';
import type { NfrEntry } from './types';

export interface Figure {
  readonly token: string;
  /** 1-based line number in the runbook. */
  readonly line: number;
  readonly lineText: string;
  /** Offsets of the token in the whole text. */
  readonly start: number;
  readonly end: number;
}

export interface IgnoreRule {
  /** Matched against each line; figures lying inside a match are ignored. */
  readonly pattern: RegExp;
  readonly kind:
    | 'section or list number'
    | 'date or time of a past event'
    | 'run or PR number'
    | 'URL or file name'
    | 'version string'
    | 'name containing a digit'
    | 'observation of a past event';
  readonly reason: string;
}

export interface RunbookScan {
  readonly claimed: ReadonlyMap<Figure, readonly NfrId[]>;
  readonly ignored: ReadonlyMap<Figure, IgnoreRule>;
  readonly uncovered: readonly Figure[];
  /** Catalogue passages that are no longer in the runbook verbatim. */
  readonly missingSources: readonly { readonly id: NfrId; readonly text: string }[];
}

// Separators split "Loki/S3" or "(P1)." into words; the remaining punctuation is trimmed from the ends.
const WORD = /[^\s/()[\],;`"'*|]*\d[^\s/()[\],;`"'*|]*/g;
const EDGE_PUNCTUATION = /^[.:!?]+|[.:!?]+$/g;

export function figuresOf(text: string): Figure[] {
  const figures: Figure[] = [];
  let offset = 0;
  text.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(WORD)) {
      const raw = match[0];
      const token = raw.replace(EDGE_PUNCTUATION, '');
      if (!/\d/.test(token)) continue;
      const start = offset + match.index + raw.indexOf(token);
      figures.push({ token, line: index + 1, lineText, start, end: start + token.length });
    }
    offset += lineText.length + 1;
  });
  return figures;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const within = (figure: Figure, span: Span): boolean => figure.start >= span.start && figure.end <= span.end;

function occurrences(text: string, passage: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + 1)) {
    spans.push({ start: at, end: at + passage.length });
  }
  return spans;
}

function ruleSpans(text: string, rule: IgnoreRule): Span[] {
  const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
  const pattern = new RegExp(rule.pattern.source, flags);
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(pattern)) {
      spans.push({ start: offset + match.index, end: offset + match.index + match[0].length });
    }
    offset += line.length + 1;
  }
  return spans;
}

export function scanRunbook(
  text: string,
  entries: readonly NfrEntry[],
  ignoreRules: readonly IgnoreRule[],
): RunbookScan {
  const figures = figuresOf(text);
  const claimed = new Map<Figure, NfrId[]>();
  const missingSources: { id: NfrId; text: string }[] = [];
  for (const entry of entries) {
    for (const source of entry.sources) {
      const spans = occurrences(text, source.text);
      if (spans.length === 0) missingSources.push({ id: entry.id, text: source.text });
      for (const figure of figures) {
        if (source.figures.includes(figure.token) && spans.some((span) => within(figure, span))) {
          const ids = claimed.get(figure) ?? [];
          if (!ids.includes(entry.id)) claimed.set(figure, [...ids, entry.id]);
        }
      }
    }
  }
  const ignored = new Map<Figure, IgnoreRule>();
  for (const rule of ignoreRules) {
    const spans = ruleSpans(text, rule);
    for (const figure of figures) {
      if (!ignored.has(figure) && spans.some((span) => within(figure, span))) ignored.set(figure, rule);
    }
  }
  const uncovered = figures.filter((figure) => !claimed.has(figure) && !ignored.has(figure));
  return { claimed, ignored, uncovered, missingSources };
}

export const describeFigure = (figure: Figure): string =>
  `runbook line ${figure.line}: "${figure.token}" in "${figure.lineText.trim()}"`;
