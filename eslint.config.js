// ESLint with typescript-eslint's type-checked rules over the project's TypeScript (`npm run lint`,
// run by `npm test` at zero warnings). Generated files and committed migrations are left out.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'sdk/dist/', 'coverage/', '.data/', 'tmp-eval/', 'src/contract/', 'sdk/src/schema.ts', 'sdk/src/examples.ts', 'sdk/src/public-operations.ts', 'src/db/migrations/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a value taken out on purpose (a destructured field left behind).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // It calls assertions unnecessary that tsc needs (a `let` assigned in a loop, then `last!`): tsc judges types here.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read JSON answers as untyped bodies (`caller()`'s `any`) and check them with expect():
    // typing each one would restate the contract, which the response validator already enforces.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
