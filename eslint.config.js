// Lint rules that hold the architecture in place (shared/spec/architecture.md):
// data flows one way, core -> worker/cli and (types only) -> ui -> app; only core touches the
// ASN.1/PKI/cipher libraries; no import cycles; no `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('./src', import.meta.url));

/** Libraries only src/core may import. */
const ENGINE_LIBRARIES = ['pkijs', 'asn1js', '@peculiar/*', 'des.js', '@noble/*', 'pvtsutils', 'reflect-metadata'];

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/core/roots/*.generated.*', 'dev-dist/**', 'dist-cli/**', 'test/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'], alias: { '@': [src] } }),
      ],
    },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-undef': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'], message: 'src/core is pure: no React or react-query.' },
        { group: ['**/ui', '**/ui/**', '@/ui', '@/ui/**', '**/app', '**/app/**', '@/app/**', '**/worker/**', '@/worker/**', '**/cli/**', '@/cli/**'], message: 'src/core never imports ui, app, worker or cli (data flows one way).' },
        { group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins (tests may use them).' },
      ]),
    },
  },
  { files: ['src/core/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: ENGINE_LIBRARIES, message: 'Only src/core touches the PKI/ASN.1/cipher libraries.' },
        { group: ['**/app', '**/app/**', '@/app', '@/app/**'], message: 'src/ui never imports src/app.' },
        { group: ['**/worker/worker', '@/worker/worker'], message: 'Talk to the worker through its client, not its entry.' },
      ]),
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([{ group: ENGINE_LIBRARIES, message: 'Only src/core touches the PKI/ASN.1/cipher libraries.' }]),
    },
  },
  {
    files: ['src/worker/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ENGINE_LIBRARIES, message: 'Only src/core touches the PKI/ASN.1/cipher libraries.' },
        { group: ['react', 'react-dom', '@tanstack/*', '**/ui/**', '@/ui/**'], message: 'worker and cli do not render.' },
      ]),
    },
  },
);
