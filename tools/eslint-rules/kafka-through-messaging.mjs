import { globToRegExp, relativeFilename } from './path-glob.mjs';

const DEFAULT_ALLOW = ['libs/messaging/**', 'libs/testing/**', 'tools/**'];

/** @import { TSESLint, TSESTree } from '@typescript-eslint/utils' */

/** @param {string} source */
const isKafkajs = (source) => source === 'kafkajs' || source.startsWith('kafkajs/');

/** @type {TSESLint.RuleModule<'noKafkajs', [{ allow?: string[] }?]>} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Kafka is reached only through @psc/messaging (outbox to publish, @EventPattern handlers to consume).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      noKafkajs:
        "Do not import '{{source}}' here: publish through the outbox and consume with @EventPattern handlers (the @psc/messaging consumer group), " +
        'so every event is validated, written with its state change and consumed idempotently.',
    },
  },

  create(context) {
    const allow = (context.options[0]?.allow ?? DEFAULT_ALLOW).map(globToRegExp);
    const file = relativeFilename(context);
    if (allow.some((glob) => glob.test(file))) return {};

    /** @param {TSESTree.Node | null | undefined} sourceNode */
    const check = (sourceNode) => {
      if (sourceNode?.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      if (isKafkajs(sourceNode.value)) {
        context.report({ node: sourceNode, messageId: 'noKafkajs', data: { source: sourceNode.value } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node.moduleReference.expression);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};
