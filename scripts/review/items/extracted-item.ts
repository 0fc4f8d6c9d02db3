// What each layer's reader produces from one file: the reviewable items in it, keyed by their printed address.
import YAML from 'yaml';
import { ReviewError } from '../model';

export interface ExtractedItem {
  readonly id: string;
  readonly kind: string;
  /** Path of the file relative to the environment folder. */
  readonly file: string;
  /** The parsed item; for text items, the text itself. */
  readonly body: unknown;
  /** Set for items compared line by line instead of field by field. */
  readonly isText?: boolean;
  readonly constructPath?: string;
}

export function textItem(file: string, text: string, id = file): ExtractedItem {
  return { id, kind: 'file', file, body: text, isText: true };
}

/** Every YAML document of a file, parsed; an unparsable document is an error that names the file. */
export function parseYamlDocuments(file: string, text: string): unknown[] {
  return YAML.parseAllDocuments(text).map((document) => {
    const [error] = document.errors;
    if (error) throw new ReviewError(`${file}: invalid YAML: ${error.message.split('\n')[0]}`);
    return document.toJS() as unknown;
  });
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReviewError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}

/** An item before its id is made unique, with what tells it apart from a namesake (severity, panel id). */
export interface Candidate {
  readonly item: ExtractedItem;
  readonly hint?: string;
}

/**
 * Makes ids unique within one file. Two alerts may share a name (a warning and a critical variant): the first
 * disambiguation is the hint, then a counter in document order.
 */
export function uniqueIds(candidates: readonly Candidate[]): ExtractedItem[] {
  const duplicated = duplicatedIds(candidates.map(({ item }) => item.id));
  const hinted = candidates.map(({ item, hint }) =>
    duplicated.has(item.id) && hint ? { ...item, id: `${item.id} (${hint})` } : item,
  );
  const stillDuplicated = duplicatedIds(hinted.map((item) => item.id));
  const seen = new Map<string, number>();
  return hinted.map((item) => {
    if (!stillDuplicated.has(item.id)) return item;
    const occurrence = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, occurrence);
    return occurrence === 1 ? item : { ...item, id: `${item.id} #${occurrence}` };
  });
}

function duplicatedIds(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const id of ids) (seen.has(id) ? duplicated : seen).add(id);
  return duplicated;
}
