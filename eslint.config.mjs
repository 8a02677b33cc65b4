// ESLint for the sources, run by `npm test` (`--max-warnings 0`): the recommended JavaScript and
// typescript-eslint rules, syntactic only (type-aware rules would type-check the 1.1 MB imports/k8s.ts on
// every run), and lines of at most 180 characters.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(
  ['process', 'require', 'module', 'exports', '__dirname', '__filename', 'console', 'Buffer', 'URL', 'NodeJS', 'setTimeout', 'clearTimeout']
    .map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'imports/', 'node_modules/', 'coverage/', 'reports/', '.cluster/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: NODE_GLOBALS },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-len': ['error', { code: 180, ignoreUrls: true, ignoreRegExpLiterals: true }],
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The bin, the require hook and the build scripts are CommonJS, run by node as they are.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests hand malformed props and free-form manifests to the code under test on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
