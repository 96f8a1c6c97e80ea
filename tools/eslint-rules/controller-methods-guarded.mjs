const DEFAULT_ROUTE_DECORATORS = [
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
  'Sse',
  'All',
  'Options',
  'Head',
  'Search',
];
const DEFAULT_GUARD_DECORATORS = ['Public', 'Roles', 'UseGuards', 'Auth'];

/** @import { TSESLint, TSESTree } from '@typescript-eslint/utils' */
/** @typedef {TSESTree.ClassDeclaration | TSESTree.ClassExpression} ClassNode */

/** local name → exported name for every named import, so `import { Get as HttpGet }` still counts as Get. */
/** @param {TSESTree.Program} program */
function importedNames(program) {
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported =
        specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      names.set(specifier.local.name, imported);
    }
  }
  return names;
}

/** `@Get()`, `@Get`, `@common.Get()` → 'Get'. @param {TSESTree.Decorator} decorator @param {Map<string, string>} aliases */
function decoratorName(decorator, aliases) {
  /** @type {TSESTree.Node} */
  let expression = decorator.expression;
  if (expression.type === 'CallExpression') expression = expression.callee;
  if (expression.type === 'Identifier') return aliases.get(expression.name) ?? expression.name;
  if (
    expression.type === 'MemberExpression' &&
    !expression.computed &&
    expression.property.type === 'Identifier'
  ) {
    return expression.property.name;
  }
  return undefined;
}

/** @param {TSESTree.MethodDefinition} member @param {TSESLint.SourceCode} sourceCode */
function methodName(member, sourceCode) {
  if (!member.computed && member.key.type === 'Identifier') return member.key.name;
  if (member.key.type === 'Literal') return String(member.key.value);
  if (member.key.type === 'PrivateIdentifier') return `#${member.key.name}`;
  return sourceCode.getText(member.key);
}

/** @type {TSESLint.RuleModule<'unguarded', [{ routeDecorators?: string[], guardDecorators?: string[] }?]>} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Every HTTP handler of a @Controller carries an access decision: @Public(), @Roles(), @UseGuards() or @Auth() ' +
        'on the method or on the class. Kafka handlers (@EventPattern, @MessagePattern) are not routes and need none.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          routeDecorators: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          guardDecorators: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unguarded:
        '{{className}}.{{method}} (@{{route}}) has no access decision: add one of {{guards}} to the method or the ' +
        'controller class. Open endpoints say so with @Public().',
    },
  },

  create(context) {
    const routes = new Set(context.options[0]?.routeDecorators ?? DEFAULT_ROUTE_DECORATORS);
    const guards = context.options[0]?.guardDecorators ?? DEFAULT_GUARD_DECORATORS;
    const guardList = guards.map((name) => `@${name}()`).join(', ');
    /** @type {Map<string, string>} */
    let aliases = new Map();

    /** @param {ClassNode | TSESTree.MethodDefinition} node */
    const namesOf = (node) =>
      new Set(
        (node.decorators ?? []).map((d) => decoratorName(d, aliases)).filter((name) => name !== undefined),
      );
    /** @param {Set<string | undefined>} names */
    const isGuarded = (names) => guards.some((name) => names.has(name));

    /** @param {ClassNode} node */
    const checkClass = (node) => {
      const classDecorators = namesOf(node);
      if (!classDecorators.has('Controller') || isGuarded(classDecorators)) return;
      const className = node.id?.name ?? '(anonymous controller)';
      for (const member of node.body.body) {
        if (member.type !== 'MethodDefinition') continue;
        const decorators = namesOf(member);
        const route = [...decorators].find((name) => routes.has(name));
        if (route === undefined || isGuarded(decorators)) continue;
        context.report({
          node: member.key,
          messageId: 'unguarded',
          data: { className, method: methodName(member, context.sourceCode), route, guards: guardList },
        });
      }
    };

    return {
      Program: (program) => {
        aliases = importedNames(program);
      },
      ClassDeclaration: checkClass,
      ClassExpression: checkClass,
    };
  },
};
