// The lint rules that guard performance and the CDKTF boundary are themselves tested: a root import of the AWS
// provider (2,212 modules, seconds and hundreds of MB per load) and a cdktf import outside constructs/ and stacks/.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', '..', file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint rules', () => {
  // The fixture names the package through a constant so that repository-wide greps for root imports stay quiet.
  const providerRoot = '@cdktf/provider-aws';

  it('fails when the AWS provider is imported from its package root', async () => {
    const found = await problems(
      'stacks/example.ts',
      `import { vpc } from '${providerRoot}';\nexport { vpc };\n`,
    );
    expect(found).toEqual([
      "no-restricted-imports: '@cdktf/provider-aws' import is restricted from being used. Import provider classes by deep path (@cdktf/provider-aws/lib/<resource>): the package root loads 2,212 modules (~4 s, ~560 MB).",
    ]);
  });

  it('accepts a deep import of one provider class', async () => {
    expect(
      await problems(
        'stacks/example.ts',
        "import { Vpc } from '@cdktf/provider-aws/lib/vpc';\nexport { Vpc };\n",
      ),
    ).toEqual([]);
  });

  it('fails when cdktf is imported outside constructs/ and stacks/', async () => {
    const found = await problems('charts/example.ts', "import { App } from 'cdktf';\nexport { App };\n");
    expect(found).toEqual([
      "no-restricted-imports: 'cdktf' import is restricted from being used. cdktf imports belong in constructs/ and stacks/.",
    ]);
  });
});
