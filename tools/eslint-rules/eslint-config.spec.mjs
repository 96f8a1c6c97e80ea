// Guards for the repo's eslint.config.mjs itself: which rules apply to which files.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, ignore: false });

const rule = async (file, name) => {
  const config = await eslint.calculateConfigForFile(file);
  return config.rules?.[name];
};
const severity = (entry) => (Array.isArray(entry) ? entry[0] : entry);
const restrictedRegexes = async (file) => {
  const entry = await rule(file, 'no-restricted-imports');
  if (severity(entry) === 0 || severity(entry) === 'off') return null;
  return { paths: entry[1].paths.map((p) => p.name), regexes: entry[1].patterns.map((p) => p.regex) };
};

describe('eslint.config.mjs', () => {
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
    expect(await restrictedRegexes('libs/testing/src/stack.ts')).toBeNull();
    expect((await restrictedRegexes('libs/messaging/src/outbox.ts')).regexes).not.toContain('^node:');
  });

  it('lets only tests import @psc/testing and kafkajs directly', async () => {
    for (const file of [
      'libs/messaging/src/x.spec.ts',
      'apps/insight/test/a.int-spec.ts',
      'apps/e2e/src/x.ts',
    ]) {
      expect(await restrictedRegexes(file), file).toBeNull();
      expect(severity(await rule(file, 'psc/kafka-through-messaging')), file).toBe(0);
    }
    expect(severity(await rule('apps/insight/src/x.ts', 'psc/kafka-through-messaging'))).toBe(2);
  });

  it('registers the workspace rules: every controller route guarded, except in specs', async () => {
    expect(severity(await rule('libs/server-kit/src/health.ts', 'psc/no-unsupported-aggregation'))).toBe(2);
    expect(
      severity(await rule('apps/catalogue/src/items/items.controller.ts', 'psc/controller-methods-guarded')),
    ).toBe(2);
    expect(severity(await rule('libs/auth/src/auth.guard.spec.ts', 'psc/controller-methods-guarded'))).toBe(0);
  });

  it('allows console only in tools/', async () => {
    expect(severity(await rule('tools/stack/stack.mjs', 'no-console'))).toBe(0);
    expect(severity(await rule('libs/server-kit/src/config.ts', 'no-console'))).toBe(2);
  });

  it('never asks for `import type` of a class a decorated file injects', async () => {
    const [decorated, plain] = await eslint.lintFiles([
      'tools/eslint-rules/fixtures/decorators/decorated.ts',
      'tools/eslint-rules/fixtures/decorators/plain.ts',
    ]);
    const typeImports = (result) =>
      result.messages.filter((m) => m.ruleId === '@typescript-eslint/consistent-type-imports');
    expect(decorated.messages.filter((m) => m.fatal)).toEqual([]);
    expect(typeImports(decorated)).toEqual([]);
    expect(typeImports(plain)).toHaveLength(1);
  });
});
