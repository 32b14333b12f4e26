// ESLint (flat config): typescript-eslint's type-checked rules, React hooks, accessibility, the Office add-ins rules,
// and the architecture's layer rules as import boundaries (README.md, "Checks" and "Layout"): dependencies point one
// way, taskpane → app → (office, services) → (contract, policy, shared); server → (contract, policy, shared). shared/ is
// what both sides may use that is not the contract (the one LRU bound of their caches): it imports nothing.
import js from '@eslint/js';
// @ts-expect-error -- eslint-plugin-jsx-a11y ships no types (its flat config is used as documented)
import jsxA11yModule from 'eslint-plugin-jsx-a11y';
import officeAddinsModule from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The Office add-ins plugin, as it is at run time (its declaration file declares nothing). */
const officeAddins = /** @type {import('eslint').ESLint.Plugin & { rules: Record<string, unknown> }} */ (
  /** @type {unknown} */ (officeAddinsModule)
);

/** The accessibility plugin, as documented (it ships no declaration file). */
const jsxA11y = /** @type {import('eslint').ESLint.Plugin & { flatConfigs: { recommended: import('eslint').Linter.Config } }} */ (
  jsxA11yModule
);

/** An import path that climbs out of its folder into one of `folders` (a sibling of the file's own top folder in src/). */
const into = (/** @type {string[]} */ ...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

/**
 * One boundary: files matching `files` may not import what matches any of `forbidden` ({ regex, message }; with
 * allowTypeImports, a type-only import of it is allowed: a type carries no behaviour).
 * @param {string[]} files
 * @param {{ regex: string, message: string, allowTypeImports?: boolean }[]} forbidden
 * @returns {import('typescript-eslint').ConfigArray[number]}
 */
const boundary = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: forbidden }],
  },
});

/**
 * The fence around dev/ (the workbench, the stand-ins, the dev service, its fixtures, the benchmarks): what ships (src/,
 * server/) never imports from it. Every block below for src/ or server/ carries it, since a later block's options replace
 * an earlier one's.
 */
const devFence = {
  regex: '^(\\./|(\\.\\./)+)dev(/|$)',
  message: 'dev/ is development only (workbench, stand-ins, dev service, fixtures, benchmarks): src/ and server/ never import it.',
};

/**
 * Every eslint-disable comment says why, on its line: `// eslint-disable-next-line rule -- why`.
 * @type {import('eslint').Rule.RuleModule}
 */
const disableSaysWhy = {
  meta: { type: 'suggestion', schema: [], messages: { why: 'Say why on this line: "eslint-disable… rule -- why".' } },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (comment.loc && /^eslint-disable/.test(text) && !/\s--\s+\S/.test(text))
            context.report({ loc: comment.loc, messageId: 'why' });
        }
      },
    };
  },
};

/**
 * typescript-eslint's rules against values typed `any`, where they are off (tests; JavaScript: see below).
 * @type {import('eslint').Linter.RulesRecord}
 */
const unsafeAnyRulesOff = Object.fromEntries(
  ['assignment', 'member-access', 'argument', 'call', 'return'].map((rule) => [
    `@typescript-eslint/no-unsafe-${rule}`,
    /** @type {const} */ ('off'),
  ]),
);

/** The layer rules. Each folder has one block (flat config: the last matching block's options win, so no overlap). */
export const boundaries = [
  boundary(['src/**', 'server/**'], [devFence]),
  boundary(['src/policy/**'], [{ regex: '^(?!\\./)', message: 'policy/ is pure: it imports nothing but itself.' }, devFence]),
  boundary(
    ['src/shared/**'],
    [
      // Not a package, nor a path that climbs out of the folder ('./../contract' starts with './' too).
      { regex: '^(?!\\./)|(^|/)\\.\\.(/|$)', message: 'shared/ (code the pane and the service share) imports nothing but itself.' },
      devFence,
    ],
  ),
  boundary(
    ['src/contract/**'],
    [
      { regex: '^(?!\\./|\\.\\./policy(/|$)|zod(/|$))', message: 'contract/ imports only the schema library (zod), policy/ and itself.' },
      devFence,
    ],
  ),
  boundary(
    ['src/office/**', 'src/services/**'],
    [{ regex: into('app', 'taskpane', 'dialog'), message: 'office/ and services/ never import app/, taskpane/ or dialog/.' }, devFence],
  ),
  boundary(
    ['src/app/**'],
    [{ regex: into('taskpane', 'dialog'), message: 'app/ never imports the view (taskpane/) or the dialog page.' }, devFence],
  ),
  boundary(
    ['src/taskpane/**'],
    [
      {
        regex: into('office', 'services'),
        allowTypeImports: true,
        message:
          "taskpane/ renders props: it names office/'s and services/' types, but reaches Office.js and the network only through app/.",
      },
      { regex: into('dialog'), message: 'taskpane/ never imports the dialog page.' },
      devFence,
    ],
  ),
  boundary(
    // The page's entry: it hands Office.js's readiness (office/boot) to the pane, as the page's composition root.
    ['src/taskpane/index.tsx'],
    [
      { regex: into('services'), allowTypeImports: true, message: "The task pane page's entry reaches the network only through app/." },
      { regex: into('dialog'), message: 'taskpane/ never imports the dialog page.' },
      devFence,
    ],
  ),
  boundary(
    ['src/dialog/**'],
    [
      {
        regex: `(?!.*contract/signIn$)${into('app', 'taskpane', 'services', 'policy', 'contract')}`,
        message: "The dialog page reaches Office.js through office/ and nothing else (and the sign-in's patterns in contract/signIn).",
      },
      devFence,
    ],
  ),
  boundary(
    ['server/**'],
    [
      {
        regex: '^(\\.\\./)+src/(?!(contract|policy|shared)(/|$))',
        message: 'The server imports only src/contract/, src/policy/ and src/shared/ from src/.',
      },
      devFence,
    ],
  ),
  boundary(
    ['dev/service/**', 'dev/standins/**', 'dev/bench/service/**'],
    [
      {
        regex: '^(\\.\\./)+src/(?!(contract|policy|shared)(/|$))',
        message: 'The server imports only src/contract/, src/policy/ and src/shared/ from src/.',
      },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-workbench/**', 'build/**', 'node_modules/**', 'coverage/**', 'bench/**', 'docs/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: {
      'react-hooks': reactHooks,
      'jsx-a11y': jsxA11y,
      'office-addins': officeAddins,
      local: { rules: { 'disable-says-why': disableSaysWhy } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'error'])),
      'local/disable-says-why': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Callbacks are properties, so passing one (onRetry={actions.retry}) never loses a `this`.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      // An async function that only returns a value is how a fake or a stand-in meets an interface's promise.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only Office.js code (src/office/) may touch the Office global; see the block below.
      'no-restricted-globals': ['error', { name: 'Office', message: 'Only src/office/ calls Office.js.' }],
    },
  },
  {
    // CommonJS, where the tool that loads the file wants it (jest, webpack-cli, the scripts webpack requires).
    files: ['**/*.cjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const { readFileSync } = require('node:fs')` reads as a method taken off an object.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // JavaScript is type-checked by tsc (checkJs, JSDoc types); a JSDoc cast (`/** @type {T} */ (value)`) is invisible
    // to these rules, which would otherwise flag every JSON.parse and untyped require however it is typed.
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    rules: unsafeAnyRulesOff,
  },
  {
    files: ['src/office/**', 'dev/workbench/**', 'test/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests build hostile and partial values on purpose.
      ...unsafeAnyRulesOff,
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The browser journeys run on node:test: its describe() and test() return promises the runner awaits, and
    // useHarness() is not a React hook.
    files: ['test/e2e/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'test', 'it'], package: 'node:test' }] },
      ],
      'react-hooks/rules-of-hooks': 'off',
    },
  },
  ...boundaries,
);
