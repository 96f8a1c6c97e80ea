// ESLint's RuleTester, run by vitest, parsing TypeScript (decorators included) the way the repo config does.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';

/** @import { TSESLint } from '@typescript-eslint/utils' */

// the hooks RuleTester looks for on itself (ESLint's types leave them out)
Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

/**
 * RuleTester.run for our rules, which are typed against typescript-eslint's AST (ESLint's own types know ESTree
 * only, so they do not accept such a rule).
 * @param {string} name
 * @param {TSESLint.RuleModule<string, readonly unknown[]>} rule
 * @param {Parameters<RuleTester['run']>[2]} tests
 */
export const runRuleTests = (name, rule, tests) =>
  ruleTester.run(
    name,
    /** @type {import('eslint').Rule.RuleModule} */ (/** @type {unknown} */ (rule)),
    tests,
  );
