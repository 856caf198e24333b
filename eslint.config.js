// Lint: TypeScript's recommended rules, React's hook rules, and the layer boundaries of the architecture
// (server/ is framework-free, lib/ holds no business rules, contracts/ is zod only, client code never reaches
// the server's modules). `npm test` runs it; a boundary crossed fails the suite.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const frameworks = {
  group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
  message: 'server/, lib/, contracts/ and workers/ stay framework-free.',
};
const ui = {
  group: ['@/app/*', '@/features/*', '@/components/*', '**/app/**', '**/features/**', '**/components/**'],
  message: 'Only the browser side imports pages, features and components.',
};
const serverSide = {
  group: [
    '@/server/*',
    '**/server/**',
    '@/generated/*',
    '**/generated/**',
    '@/lib/db/*',
    '@/lib/queue/*',
    '@/lib/env',
    '@/lib/auth/*',
    '@/lib/http/*',
    '@/lib/logger',
    'pg',
    'pg-boss',
    '@prisma/*',
  ],
  message: 'Client code imports contracts/ and its own modules, never the server side.',
};

/** The boundary rule of a layer: every group it may not import. */
const forbid = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.data/', 'generated/', 'test-results/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.tsx', 'features/**', 'components/**', 'app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['server/**'],
    rules: forbid(frameworks, ui, {
      group: ['@/workers/*', '**/workers/**', '@/scripts/*'],
      message: 'server/ is called by workers and scripts, not the other way round.',
    }),
  },
  {
    files: ['lib/**'],
    rules: forbid(frameworks, ui, {
      group: ['@/server/*', '**/server/**', '@/workers/*', '@/scripts/*'],
      message: 'lib/ is infrastructure without business rules: it imports no server/.',
    }),
  },
  { files: ['workers/**'], rules: forbid(frameworks, ui) },
  {
    files: ['contracts/**'],
    rules: forbid(frameworks, ui, {
      group: ['@/server/*', '**/server/**', '@/lib/*', '**/lib/**', '@/generated/*', '@prisma/*', 'pg', 'pg-boss'],
      message: 'contracts/ is zod only: the browser imports it too.',
    }),
  },
  { files: ['features/**', 'components/**'], rules: forbid(serverSide) },
);
