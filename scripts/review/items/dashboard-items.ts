// Items of Grafana dashboards (`observability/dashboards/<uid>.json`): the dashboard's own settings as `<uid>`,
// and one item per panel as `<uid>/<panel title>`, including panels nested in collapsed rows.
import { ReviewError } from '../model';
import { isPlainObject, type JsonObject } from '../value-diff';
import { parseJson, type Candidate, type ExtractedItem, uniqueIds } from './extracted-item';

function flattenPanels(panels: unknown): JsonObject[] {
  if (!Array.isArray(panels)) return [];
  return panels.filter(isPlainObject).flatMap((panel) => {
    // A collapsed row carries its panels inside itself; list them next to the row, not as a field of it.
    const { panels: nested, ...row } = panel;
    return nested === undefined ? [panel] : [row, ...flattenPanels(nested)];
  });
}

function panelCandidate(file: string, uid: string, panel: JsonObject): Candidate {
  const id = typeof panel.id === 'number' || typeof panel.id === 'string' ? String(panel.id) : undefined;
  const title = typeof panel.title === 'string' && panel.title !== '' ? panel.title : `panel ${id ?? '?'}`;
  return {
    item: { id: `${uid}/${title}`, kind: 'panel', file, body: panel },
    hint: id ? `id ${id}` : undefined,
  };
}

export function extractDashboardItems(file: string, text: string): ExtractedItem[] {
  const dashboard = parseJson(file, text);
  if (!isPlainObject(dashboard)) throw new ReviewError(`${file}: expected a Grafana dashboard object`);
  const fileStem =
    file
      .split('/')
      .pop()
      ?.replace(/\.json$/, '') ?? file;
  const uid = typeof dashboard.uid === 'string' ? dashboard.uid : fileStem;
  const { panels, ...settings } = dashboard;
  const candidates: Candidate[] = [
    { item: { id: uid, kind: 'dashboard', file, body: settings } },
    ...flattenPanels(panels).map((panel) => panelCandidate(file, uid, panel)),
  ];
  return uniqueIds(candidates);
}
