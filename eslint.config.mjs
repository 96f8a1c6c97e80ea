// @ts-check
// One flat config for the whole repo (conventions §3.1, §3.3, §3.7). Layer rules follow the project tags in each
// project.json: Nx checks project→project and project→package edges, and the file-level rules below (no-restricted-imports,
// tools/eslint-rules) are generated from the same tags, so a project's tags are the only thing to change.
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import psc from './tools/eslint-rules/index.mjs';

const root = import.meta.dirname;

// @nx/enforce-module-boundaries reads only Nx's *cached* project graph, and silently skips itself when there is none
// (fresh clone) or sees stale tags and edges. Inside an Nx task the graph is fresh already; for a plain `npx eslint`
// or an editor, bring the cache up to date first (incremental, ~1 s).
if (!process.env.NX_TASK_TARGET_PROJECT) await createProjectGraphAsync({ exitOnError: false });

// ---------------------------------------------------------------------------------------------------------------
// Projects and tags
// ---------------------------------------------------------------------------------------------------------------

/** @type {{ root: string; tags: string[] }[]} */
const projects = ['apps', 'libs', 'tools'].flatMap((group) =>
  readdirSync(`${root}/${group}`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${root}/${group}/${entry.name}/project.json`))
    .map((entry) => {
      const dir = `${group}/${entry.name}`;
      const { tags = [] } = JSON.parse(readFileSync(`${root}/${dir}/project.json`, 'utf8'));
      return { root: dir, tags };
    }),
);

// Every constraint below assumes one scope and one type per project; an untagged project would slip through them.
const untagged = projects.filter(
  ({ tags }) =>
    tags.filter((t) => t.startsWith('scope:')).length !== 1 ||
    tags.filter((t) => t.startsWith('type:')).length !== 1,
);
if (untagged.length > 0) {
  throw new Error(
    `eslint.config.mjs: each project needs exactly one scope:* and one type:* tag in project.json: ${untagged
      .map((p) => p.root)
      .join(', ')}`,
  );
}

/** Globs for `patterns` inside every project whose tags satisfy `predicate`. */
const inProjects = (predicate, patterns) =>
  projects
    .filter(({ tags }) => predicate(tags))
    .flatMap((p) => patterns.map((pattern) => `${p.root}/${pattern}`));

const has =
  (...wanted) =>
  (tags) =>
    wanted.every((t) => tags.includes(t));

const CODE = ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'];
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**', '**/*.spec.mjs'];
// whole projects that are test code: the testing library itself and browser/pipeline suites
const TEST_PROJECTS = inProjects((tags) => tags.includes('type:testing') || tags.includes('type:e2e'), CODE);

// ---------------------------------------------------------------------------------------------------------------
// Module boundaries (§3.1)
// ---------------------------------------------------------------------------------------------------------------

const SERVER_ONLY = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  'express',
  'nestjs-pino',
  'pino',
  'pino-http',
  'prom-client',
  'http-proxy-middleware',
];
const BROWSER_ONLY = ['vue', 'vue-router', 'pinia', '@vue/*', '@pinia/*'];
const ANY_LIB = ['type:contracts', 'type:util', 'type:infra', 'type:ui', 'type:data-access', 'type:testing'];
// nothing is built before the tools run, so they import the stack by its path; only its entry, not its parts
const TOOLS_IMPORT_BY_PATH = ['../stack/stack.mjs'];

// A project must satisfy every constraint whose source tag(s) it has. type:testing is listed as a target everywhere so
// specs can use @psc/testing; which *files* may do so is decided by no-restricted-imports below.
const depConstraints = [
  // scope:shared runs in the browser and in Node. libs/testing is scope:shared but starts Kafka/FerretDB, so the shared
  // constraint matches "scope:shared with a type other than testing" (the tag check above guarantees a type tag).
  {
    allSourceTags: ['scope:shared', '/^type:(?!testing$)/'],
    onlyDependOnLibsWithTags: ['scope:shared'],
    bannedExternalImports: [...SERVER_ONLY, ...BROWSER_ONLY],
  },
  {
    sourceTag: 'scope:backend',
    onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'],
    bannedExternalImports: BROWSER_ONLY,
  },
  {
    sourceTag: 'scope:frontend',
    onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'],
    bannedExternalImports: SERVER_ONLY,
  },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },

  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
  {
    sourceTag: 'type:ui',
    onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contracts', 'type:testing'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'type:testing'],
  },
  {
    sourceTag: 'type:infra',
    onlyDependOnLibsWithTags: ['type:infra', 'type:util', 'type:contracts', 'type:testing'],
  },
  // apps compose libs; Nx itself refuses imports of an app or e2e project
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ANY_LIB },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ANY_LIB },

  // tools/ run as plain Node before anything is built, so they cannot import the TypeScript projects, and none of
  // those may import them (libs/testing loads the stack by path at run time). type:tooling (the stack, the lint
  // rules) is what type:script (the benches, npm start/test) builds on, never the other way round.
  {
    sourceTag: 'scope:tools',
    onlyDependOnLibsWithTags: ['scope:tools'],
    bannedExternalImports: BROWSER_ONLY,
  },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling'] },
  { sourceTag: 'type:script', onlyDependOnLibsWithTags: ['type:tooling'] },
];

// ---------------------------------------------------------------------------------------------------------------
// File-level import bans. no-restricted-imports options do not merge across config objects (the last one wins), so
// each file group gets the full list it needs, built from these pieces.
// ---------------------------------------------------------------------------------------------------------------

const TESTING_IN_TESTS_ONLY = {
  paths: [
    { name: '@psc/testing', message: '@psc/testing is for *.spec.ts, *.int-spec.ts and test/ files only.' },
  ],
  patterns: [
    {
      regex: '^@psc/testing/',
      message: '@psc/testing is for *.spec.ts, *.int-spec.ts and test/ files only.',
    },
  ],
};

// Nx bannedExternalImports cannot see Node builtins (they are not packages in the project graph), so node:* is banned
// for scope:shared here.
const NO_NODE_BUILTINS = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: 'scope:shared code also runs in the browser: no Node builtins.' })),
  patterns: [{ regex: '^node:', message: 'scope:shared code also runs in the browser: no Node builtins.' }],
};

const PURE_DOMAIN = {
  paths: [],
  patterns: [
    {
      regex: '^(@nestjs/|mongoose$|mongoose/|mongodb$|mongodb/|@psc/messaging$|@psc/messaging/)',
      message:
        'Pure domain files (no role suffix) stay free of Nest, mongoose and messaging; move this to a ' +
        '.service/.repository/.controller/… file or pass what the rule needs in as plain data.',
    },
  ],
};

/** @param {string[]} allow imports exempt from the check (Nx takes them as written, globs allowed) */
const boundaries = (allow) => [
  'error',
  { enforceBuildableLibDependency: true, allow, depConstraints, checkDynamicDependenciesExceptions: [] },
];

const restricted = (...parts) => [
  'error',
  { paths: parts.flatMap((p) => p.paths), patterns: parts.flatMap((p) => p.patterns) },
];

// "No role suffix" = every .ts file under a backend app's src/ minus the role-suffixed and entry files.
const ROLE_SUFFIXES = [
  'module',
  'controller',
  'service',
  'repository',
  'model',
  'consumer',
  'errors',
  'probe',
  'guard',
  'filter',
  'middleware',
  'pipe',
  'interceptor',
  'decorator',
  'provider',
];
const PURE_DOMAIN_FILES = inProjects(has('scope:backend', 'type:app'), ['src/**/*.ts']);
const NOT_PURE_DOMAIN = [
  ...ROLE_SUFFIXES.map((role) => `**/*.${role}.ts`),
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  'apps/*/src/main.ts',
  'apps/*/src/config.ts',
];

// The kiosk is a touch UI on the Base* set of @psc/ui-kit; the desk kit (Element Plus behind @psc/ui-kit/desk) is
// sized for a mouse, and is for the counter and the portal.
const TOUCH_APPS = ['apps/kiosk'];
const NO_DESK_KIT = {
  paths: [],
  patterns: [
    {
      regex: '^(element-plus(/|$)|@element-plus/|@psc/ui-kit/desk)',
      message:
        'The kiosk is a touch UI: use the Base* components of @psc/ui-kit. The desk kit (Element Plus, ' +
        '@psc/ui-kit/desk) is for the counter and the portal.',
    },
  ],
};

const SHARED_FILES = inProjects(
  (tags) => tags.includes('scope:shared') && !tags.includes('type:testing'),
  CODE,
);

// ---------------------------------------------------------------------------------------------------------------

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/.nx/',
    '**/.stack/',
    '**/tmp/',
    '**/coverage/',
    '**/test-results/',
    'tools/bench/results/',
    'tools/stack/ferretdb/',
    // linted on purpose by tools/eslint-rules/eslint-config.spec.mjs, one of them with a deliberate finding
    'tools/eslint-rules/fixtures/',
  ]),

  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Nx's base/TS/JS presets: @eslint/js + typescript-eslint recommended (untyped), eslint-config-prettier last
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],

  // -------- TypeScript sources: type-checked ------------------------------------------------------------------
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // each file is checked with the nearest tsconfig.json (apps/*/tsconfig.json, libs/*/tsconfig.json)
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    rules: {
      // §2.8: a forgotten await on a Kafka send or an outbox write loses data
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // -------- all TypeScript (typed or not): type-only imports --------------------------------------------------
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      // Said here too for files linted without a program: the rule reads these to know that decorator metadata is on
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      // With experimentalDecorators + emitDecoratorMetadata (tsconfig.base.json) typescript-eslint skips every file
      // that contains a decorator, so it never turns the import of an injected class into `import type` (which would
      // leave Nest DI with `Object`). Files without decorators are checked normally.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },

  // -------- .mjs/.mts (configs, tools, these rules): no type information --------------------------------------
  {
    files: ['**/*.mjs', '**/*.mts', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // -------- boundaries -----------------------------------------------------------------------------------------
  {
    files: [...CODE, '**/*.vue'],
    rules: { '@nx/enforce-module-boundaries': boundaries([]) },
  },
  { files: ['tools/**'], rules: { '@nx/enforce-module-boundaries': boundaries(TOOLS_IMPORT_BY_PATH) } },
  {
    // per-project vitest/vite configs import the shared root config by relative path; tooling, not project code
    files: ['**/vitest.config.mts', '**/vite.config.mts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },

  {
    files: CODE,
    rules: {
      'no-console': 'error',
      'no-restricted-imports': restricted(TESTING_IN_TESTS_ONLY),
    },
  },
  ...(SHARED_FILES.length > 0
    ? [
        {
          files: SHARED_FILES,
          rules: { 'no-restricted-imports': restricted(TESTING_IN_TESTS_ONLY, NO_NODE_BUILTINS) },
        },
      ]
    : []),
  ...(PURE_DOMAIN_FILES.length > 0
    ? [
        {
          files: PURE_DOMAIN_FILES,
          ignores: NOT_PURE_DOMAIN,
          rules: { 'no-restricted-imports': restricted(TESTING_IN_TESTS_ONLY, PURE_DOMAIN) },
        },
      ]
    : []),

  // -------- workspace rules (tools/eslint-rules) ---------------------------------------------------------------
  {
    files: CODE,
    plugins: { psc },
    rules: {
      'psc/kafka-through-messaging': 'error',
      // every route is born with an access decision; OpsRoute is server-kit's public mark for health and metrics
      'psc/controller-methods-guarded': [
        'error',
        { guardDecorators: ['Public', 'Roles', 'UseGuards', 'Auth', 'OpsRoute'] },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: { 'psc/no-unsupported-aggregation': 'error' },
  },
  // specs declare unguarded routes on purpose, to test the guard's default
  { files: TEST_FILES, rules: { 'psc/controller-methods-guarded': 'off' } },

  // -------- tests: may use @psc/testing, Node and Kafka directly ---------------------------------------------
  {
    files: [...TEST_FILES, ...TEST_PROJECTS],
    rules: {
      'no-restricted-imports': 'off',
      'psc/kafka-through-messaging': 'off',
      // fakes of async interfaces (`findById: async () => item`, kafkajs `eachMessage`) need no await
      '@typescript-eslint/require-await': 'off',
      // `expect(repo.save).toHaveBeenCalled()` and destructured helpers are not unbound-method bugs in tests
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // -------- tools: scripts that talk to people and clean up on a best-effort basis -------------------------
  {
    files: ['tools/**'],
    rules: {
      'no-console': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-empty-function': 'off',
    },
  },

  // -------- Vue single-file components (apps/kiosk, counter, portal; libs/ui-kit) -----------------------------
  ...vue.configs['flat/recommended'].map((config) => ({ ...config, files: ['**/*.vue'] })),
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      'no-restricted-imports': restricted(TESTING_IN_TESTS_ONLY),
      // user-supplied text (item names, FAQ answers) must never become markup
      'vue/no-v-html': 'error',
    },
  },
  // after the Vue block, whose no-restricted-imports it extends (options do not merge); specs keep theirs
  {
    files: TOUCH_APPS.flatMap((app) => [...CODE, '**/*.vue'].map((glob) => `${app}/${glob}`)),
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': restricted(TESTING_IN_TESTS_ONLY, NO_DESK_KIT) },
  },
  // prettier owns formatting; last, so no rule above turns a formatting rule back on
  prettier,
);
