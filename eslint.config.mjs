// Lint rules that protect the repository's contracts, not just style.
import tseslint from 'typescript-eslint';

const rootProviderImport = {
  name: '@cdktf/provider-aws',
  message:
    'Import provider classes by deep path (@cdktf/provider-aws/lib/<resource>): the package root loads 2,212 modules (~4 s, ~560 MB).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'deploy/',
      'vendor/',
      'cdktf.out/',
      '**/*.cjs',
      'constructs/aws/lambda/*.bundle.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [rootProviderImport] }],
    },
  },
  {
    // CDKTF is archived upstream (0.21 is the last release); keeping its imports inside constructs/ and stacks/
    // means a move to the CDK Terrain fork touches two folders only.
    files: ['environments/**', 'charts/**', 'observability/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            rootProviderImport,
            { name: 'cdktf', message: 'cdktf imports belong in constructs/ and stacks/.' },
          ],
          patterns: [{ group: ['@cdktf/*'], message: 'cdktf imports belong in constructs/ and stacks/.' }],
        },
      ],
    },
  },
);
