// The code layers of docs/architecture.md#layers, and a checker that finds imports reaching a layer above (or
// beside) the importing one. Relative imports only: packages are not layers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

interface Layer {
  readonly folder: string;
  readonly rank: number;
  /** Lower folders this one still may not import: the Kubernetes side never loads cdktf through a stack. */
  readonly notFrom?: readonly string[];
}

/** Lowest first. A folder may import from its own layer folder and from any layer with a lower rank. */
export const layers: readonly Layer[] = [
  { folder: 'environments', rank: 0 },
  { folder: 'constructs/contracts', rank: 1 },
  { folder: 'constructs/aws', rank: 2 },
  { folder: 'constructs/k8s', rank: 2 },
  { folder: 'stacks', rank: 3 },
  { folder: 'observability', rank: 3 },
  // The platform's Helm values embed what observability/ generates (the Alertmanager configuration, rule labels).
  { folder: 'charts', rank: 4, notFrom: ['stacks', 'constructs/aws'] },
  { folder: 'scripts', rank: 5 },
];

export interface SourceFile {
  /** Relative to the repository root, forward slashes. */
  readonly path: string;
  readonly text: string;
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']*)'/g;

export function layerOf(path: string): Layer | undefined {
  return layers.find((layer) => path === layer.folder || path.startsWith(`${layer.folder}/`));
}

/** One line per import that points at a higher layer or at another folder of the same rank. */
export function layerViolations(files: readonly SourceFile[]): string[] {
  return files.flatMap((file) => {
    const own = layerOf(file.path);
    if (!own) return [];
    return [...file.text.matchAll(IMPORT)].flatMap((match) => {
      const specifier = match[1]!;
      const target = normalize(join(dirname(file.path), specifier))
        .split('\\')
        .join('/');
      const layer = layerOf(target);
      if (!layer || layer.folder === own.folder) return [];
      if (layer.rank < own.rank && !own.notFrom?.includes(layer.folder)) return [];
      return [
        `${file.path} imports '${specifier}' (${layer.folder}, layer ${layer.rank}) from ${own.folder} (layer ${own.rank})`,
      ];
    });
  });
}

export function sourceFiles(root: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  const roots = [...new Set(layers.map((layer) => layer.folder.split('/')[0]!))];
  return roots
    .flatMap((folder) => walk(join(root, folder)))
    .map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
}
