// Reads the model fields a catalogue entry declares, and only those: a display or conformance function that
// reaches for an undeclared field throws, so the "model field" column of the catalogue cannot drift from what
// the report actually shows.
import type { EnvConfig } from '../../environments';

export interface ModelValues {
  /** The value at a declared path without wildcards. */
  get(path: string): unknown;
  /** Every value a declared wildcard path matches, keyed by the key `*` stood for, in key order. */
  each(path: string): readonly (readonly [key: string, value: unknown])[];
}

/** Each concrete path a (possibly wildcarded) dotted path matches in the model, with its value. */
export function resolvePath(model: unknown, path: string): [concrete: string, value: unknown][] {
  let matches: [string, unknown][] = [['', model]];
  for (const segment of path.split('.')) {
    matches = matches.flatMap(([prefix, value]) => {
      if (typeof value !== 'object' || value === null) return [];
      const record = value as Record<string, unknown>;
      const keys = segment === '*' ? Object.keys(record).sort() : segment in record ? [segment] : [];
      return keys.map((key): [string, unknown] => [prefix ? `${prefix}.${key}` : key, record[key]]);
    });
  }
  return matches.filter(([, value]) => value !== undefined);
}

export function modelValues(env: EnvConfig, fields: readonly string[]): ModelValues {
  const declared = (path: string, wildcard: boolean): void => {
    if (!fields.includes(path)) throw new Error(`model path ${path} is not among the declared fields`);
    if (path.includes('*') !== wildcard) {
      throw new Error(`model path ${path}: use ${wildcard ? 'get' : 'each'} for it`);
    }
  };
  return {
    get(path) {
      declared(path, false);
      const [match] = resolvePath(env, path);
      if (!match) throw new Error(`model path ${path} does not exist in environment ${env.name}`);
      return match[1];
    },
    each(path) {
      declared(path, true);
      const at = path.split('.').indexOf('*');
      return resolvePath(env, path).map(([concrete, value]) => [concrete.split('.')[at]!, value] as const);
    },
  };
}
