// Guards for the repo's eslint.config.mjs itself: which rules apply to which files.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, ignore: false });

/** @param {string} file @param {string} name */
const rule = async (file, name) => {
  const config = await eslint.calculateConfigForFile(file);
  return config.rules?.[name];
};
/** @param {import('eslint').Linter.RuleEntry | undefined} entry */
const severity = (entry) => (Array.isArray(entry) ? entry[0] : entry);
/**
 * The no-restricted-imports settings a file gets; throws when the rule is off.
 * @param {string} file
 * @returns {Promise<{ paths: string[], regexes: string[] }>}
 */
const restrictedRegexes = async (file) => {
  const entry = /** @type {[unknown, { paths: { name: string }[], patterns: { regex: string }[] }]} */ (
    await rule(file, 'no-restricted-imports')
  );
  return { paths: entry[1].paths.map((p) => p.name), regexes: entry[1].patterns.map((p) => p.regex) };
};
/** @param {string} file */
const restrictionsOff = async (file) => {
  const entry = await rule(file, 'no-restricted-imports');
  return severity(entry) === 0 || severity(entry) === 'off';
};

describe('eslint.config.mjs', () => {
  /** @type {{ languageOptions: { parserOptions: { projectService?: unknown } }, rules: Record<string, import('eslint').Linter.RuleEntry> }} */
  let projects;
  beforeAll(async () => {
    projects = await eslint.calculateConfigForFile('apps/catalogue/src/main.ts');
  });

  it('type-checks TypeScript sources with the project service and the promise rules as errors', () => {
    expect(projects.languageOptions.parserOptions.projectService).toBe(true);
    for (const name of [
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
      '@typescript-eslint/require-await',
      '@typescript-eslint/switch-exhaustiveness-check',
      '@typescript-eslint/consistent-type-imports',
      '@nx/enforce-module-boundaries',
    ]) {
      expect(severity(projects.rules[name]), name).toBe(2);
    }
  });

  it('keeps the pure domain free of Nest, mongoose and messaging', async () => {
    const domain = await restrictedRegexes('apps/catalogue/src/items/item-pricing.ts');
    expect(domain.regexes.join()).toMatch(/@nestjs/);
    expect(domain.paths).toContain('@psc/testing');
    for (const file of [
      'apps/catalogue/src/items/items.service.ts',
      'apps/catalogue/src/items/items.controller.ts',
      'apps/catalogue/src/items/item.model.ts',
      'apps/catalogue/src/main.ts',
      'apps/catalogue/src/config.ts',
    ]) {
      expect((await restrictedRegexes(file)).regexes.join(), file).not.toMatch(/@nestjs/);
    }
  });

  it('bans Node builtins in scope:shared code but not in the testing library', async () => {
    const contracts = await restrictedRegexes('libs/contracts/src/topics.ts');
    expect(contracts.regexes).toContain('^node:');
    expect(contracts.paths).toContain('fs');
    expect(await restrictionsOff('libs/testing/src/stack.ts')).toBe(true);
    expect((await restrictedRegexes('libs/messaging/src/outbox.ts')).regexes).not.toContain('^node:');
  });

  it('lets only tests import @psc/testing and kafkajs directly', async () => {
    for (const file of [
      'libs/messaging/src/x.spec.ts',
      'apps/insight/test/a.int-spec.ts',
      'apps/e2e/src/x.ts',
    ]) {
      expect(await restrictionsOff(file), file).toBe(true);
      expect(severity(await rule(file, 'psc/kafka-through-messaging')), file).toBe(0);
    }
    expect(severity(await rule('apps/insight/src/x.ts', 'psc/kafka-through-messaging'))).toBe(2);
  });

  it('registers the workspace rules: every controller route guarded, except in specs', async () => {
    expect(severity(await rule('libs/server-kit/src/health.ts', 'psc/no-unsupported-aggregation'))).toBe(2);
    expect(
      severity(await rule('apps/catalogue/src/items/items.controller.ts', 'psc/controller-methods-guarded')),
    ).toBe(2);
    expect(severity(await rule('libs/auth/src/auth.guard.spec.ts', 'psc/controller-methods-guarded'))).toBe(
      0,
    );
  });

  it('keeps the desk kit (Element Plus, @psc/ui-kit/desk) out of the kiosk, and only there', async () => {
    const [result] = await eslint.lintText(
      [
        '<script setup lang="ts">',
        "import { ElButton } from 'element-plus';",
        "import { DeskTable } from '@psc/ui-kit/desk/table';",
        "import { installDesk } from '@psc/ui-kit/desk';",
        "import { BaseButton } from '@psc/ui-kit';",
        'void [ElButton, DeskTable, installDesk, BaseButton];',
        '</script>',
      ].join('\n'),
      { filePath: 'apps/kiosk/src/views/DeskProbe.vue' },
    );
    const refused = result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(refused.map((m) => m.line)).toEqual([2, 3, 4]);
    const kiosk = await restrictedRegexes('apps/kiosk/src/main.ts');
    expect(kiosk.paths).toContain('@psc/testing');
    expect(kiosk.regexes.join()).toMatch(/element-plus/);
    for (const file of ['apps/counter/src/main.ts', 'apps/counter/src/components/case/CaseTable.vue']) {
      expect((await restrictedRegexes(file)).regexes.join(), file).not.toMatch(/element-plus/);
    }
  });

  it('allows console only in tools/', async () => {
    expect(severity(await rule('tools/stack/stack.mjs', 'no-console'))).toBe(0);
    expect(severity(await rule('libs/server-kit/src/config.ts', 'no-console'))).toBe(2);
  });

  it('lets the tools import the stack by its entry only, and none of the TypeScript projects', async () => {
    const [result] = await eslint.lintText(
      [
        "import { startStack } from '../stack/stack.mjs';",
        "import { sleep } from '../stack/processes.mjs';",
        "import { CONTRACTS } from '@psc/contracts';",
        'export { CONTRACTS, sleep, startStack };',
      ].join('\n'),
      { filePath: 'tools/bench/boundaries-probe.mjs' },
    );
    const refused = result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
    expect(refused.map((m) => m.line)).toEqual([2, 3]);
  });

  it('never asks for `import type` of a class a decorated file injects', async () => {
    const [decorated, plain] = await eslint.lintFiles([
      'tools/eslint-rules/fixtures/decorators/decorated.ts',
      'tools/eslint-rules/fixtures/decorators/plain.ts',
    ]);
    /** @param {import('eslint').ESLint.LintResult} result */
    const typeImports = (result) =>
      result.messages.filter((m) => m.ruleId === '@typescript-eslint/consistent-type-imports');
    expect(decorated.messages.filter((m) => m.fatal)).toEqual([]);
    expect(typeImports(decorated)).toEqual([]);
    expect(typeImports(plain)).toHaveLength(1);
  });
});
