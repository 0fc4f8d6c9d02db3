// Compiles the CLI into dist/cli.cjs with esbuild when any source changed since the last build, so every command
// runs plain JavaScript (no type-checking loader: that costs seconds and hundreds of MB on every run).
// Type checking is `npm run lint`'s job.
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const SOURCE_DIRS = ['environments', 'stacks', 'charts', 'constructs', 'observability', 'scripts'];
const OUT_FILE = join(root, 'dist', 'cli.cjs');
const FINGERPRINT = join(root, 'dist', '.fingerprint');

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|cjs|json|sql|yaml)$/.test(entry.name) ? [path] : [];
  });
}

function fingerprint() {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => sourceFiles(join(root, dir))),
    join(root, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat) hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function ensureBuilt() {
  const current = fingerprint();
  if (existsSync(OUT_FILE) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === current)
    return;
  require('esbuild').buildSync({
    entryPoints: [join(root, 'scripts', 'cli', 'main.ts')],
    outfile: OUT_FILE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // A key written twice is reported by the model check (environments/source-check.ts) with its field path, and by
    // tsc everywhere else; esbuild's own warning would only print ahead of that one line.
    logOverride: { 'duplicate-object-key': 'silent' },
  });
  writeFileSync(FINGERPRINT, current);
}

module.exports = { ensureBuilt, OUT_FILE };
