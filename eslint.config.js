// ESLint: typescript-eslint's recommended rules for the TypeScript, React's for the browser
// components (plugin/src/console), Node's globals for the scripts. Formatting is not its job.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'plugin/dist/', '.data/', 'coverage/', 'bench/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts}'],
    rules: {
      // Raw query rows and AdminJS's untyped payloads are `any` at the edges; typed where they are read.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['plugin/src/console/**/*.{js,jsx,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    // typescript-eslint's parser for all of them: the .tsx components carry types, and it reads plain JSX too.
    languageOptions: { parser: tseslint.parser, globals: { ...globals.browser }, parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: '18' } },
    rules: {
      ...react.configs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'react/prop-types': 'off', // AdminJS passes the props; the components are not a public API
      'react/react-in-jsx-scope': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Typed like the rest of the code; an `any` is where AdminJS's own types fall short (said beside it).
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // The components' helpers in .ts (audit-format.ts's hook): the hooks' rules apply to them too.
    files: ['plugin/src/console/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['plugin/src/console/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
