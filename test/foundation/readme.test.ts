// CI proves the README: .ci/run must run the README's second quick-start command verbatim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## How it fits together'));
const commands = [...quickStart.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]!);

describe('README quick start', () => {
  it('has exactly two commands', () => {
    expect(commands).toHaveLength(2);
  });

  it('is what CI runs', () => {
    const ciLines = readFileSync(join(root, '.ci/run'), 'utf8').split('\n');
    expect(ciLines).toContain(commands[1]);
  });
});
