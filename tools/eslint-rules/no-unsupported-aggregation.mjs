// FerretDB 1.24 (our store, see ../shared/docs/local-stack.md) runs only the stages
// $match $group $project $addFields $set $unset $unwind $sort $skip $limit $count, and only the accumulators $sum and
// $count. MongoDB accepts the rest, so the gap shows up on the real stack only; this rule moves it to lint time.

/** Operators that exist only inside aggregation (stages, accumulators, expressions): wrong wherever they appear. */
const AGGREGATION_ONLY = new Set([
  // stages
  '$lookup',
  '$facet',
  '$graphLookup',
  '$bucket',
  '$bucketAuto',
  '$setWindowFields',
  '$unionWith',
  '$sortByCount',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$densify',
  '$fill',
  '$geoNear',
  '$merge',
  '$out',
  // accumulators and expressions with no query or update meaning
  '$avg',
  '$first',
  '$last',
  '$firstN',
  '$lastN',
  '$minN',
  '$maxN',
  '$top',
  '$topN',
  '$bottom',
  '$bottomN',
  '$stdDevPop',
  '$stdDevSamp',
  '$mergeObjects',
]);

/** Legitimate update operators (FerretDB supports them there) that are unsupported accumulators in a pipeline. */
const UNSUPPORTED_IN_PIPELINE = new Set(['$min', '$max', '$push', '$addToSet']);

/** Keys whose value is aggregation-expression territory: an update operator cannot be nested below them. */
const PIPELINE_CONTEXT_KEYS = new Set(['$group', '$project', '$addFields', '$set', '$expr']);

/** Mongoose `Aggregate` builder methods for stages FerretDB does not run. */
const UNSUPPORTED_BUILDER_STAGES = new Set([
  'lookup',
  'facet',
  'graphLookup',
  'sortByCount',
  'unionWith',
  'replaceRoot',
  'sample',
  'densify',
  'fill',
  'near',
  'merge',
  'out',
]);

/** Mongoose `Aggregate` builder methods whose argument is a stage body. */
const BUILDER_STAGE_BODIES = new Set(['group', 'project', 'addFields']);

/** @import { TSESLint, TSESTree } from '@typescript-eslint/utils' */

/** @param {TSESTree.Property} property */
function keyName(property) {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  if (property.key.type === 'TemplateLiteral' && property.key.expressions.length === 0) {
    return property.key.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/** @param {TSESTree.Node} callee */
const memberName = (callee) =>
  callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
    ? callee.property.name
    : undefined;

/** True for `x.aggregate(…)` and anything chained on it: `Model.aggregate().match(…).group(…)`. */
/** @param {TSESTree.Node} node */
function isAggregateChain(node) {
  /** @type {TSESTree.Node | undefined} */
  let current = node;
  while (current) {
    if (current.type === 'CallExpression') {
      if (memberName(current.callee) === 'aggregate') return true;
      current = current.callee;
    } else if (current.type === 'MemberExpression') {
      current = current.object;
    } else if (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression') {
      current = current.expression;
    } else {
      return false;
    }
  }
  return false;
}

/** @param {TSESTree.Property} property */
function inPipeline(property) {
  /** @type {TSESTree.Node} */
  let child = property;
  for (
    let node = /** @type {TSESTree.Node | undefined} */ (property.parent);
    node;
    child = node, node = node.parent
  ) {
    if (node.type === 'Property' && node.parent.type === 'ObjectExpression') {
      const key = keyName(node);
      if (key !== undefined && PIPELINE_CONTEXT_KEYS.has(key)) return true;
    }
    if (
      node.type === 'CallExpression' &&
      node.arguments.includes(/** @type {TSESTree.CallExpressionArgument} */ (child))
    ) {
      const method = memberName(node.callee);
      if (method === 'aggregate') return true;
      if (
        method !== undefined &&
        BUILDER_STAGE_BODIES.has(method) &&
        node.callee.type === 'MemberExpression' &&
        isAggregateChain(node.callee.object)
      )
        return true;
    }
  }
  return false;
}

/** @type {TSESLint.RuleModule<'unsupported' | 'unsupportedInPipeline', []>} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'No aggregation stage or accumulator that FerretDB 1.24 does not support.',
      url: '../shared/docs/local-stack.md',
    },
    schema: [],
    messages: {
      unsupported:
        '{{operator}} is not supported by FerretDB 1.24, our store: only $match $group $project $addFields $set $unset ' +
        '$unwind $sort $skip $limit $count stages and the $sum/$count accumulators run there. Compute it in code or ' +
        'keep a read model current from events. See ../shared/docs/local-stack.md.',
      unsupportedInPipeline:
        '{{operator}} is an update operator, but as an aggregation accumulator/expression it is not supported by ' +
        'FerretDB 1.24 (only $sum and $count are). See ../shared/docs/local-stack.md.',
    },
  },

  create(context) {
    return {
      Property(node) {
        if (node.parent.type !== 'ObjectExpression') return;
        const key = keyName(node);
        if (key === undefined || !key.startsWith('$')) return;
        if (AGGREGATION_ONLY.has(key)) {
          context.report({ node: node.key, messageId: 'unsupported', data: { operator: key } });
        } else if (UNSUPPORTED_IN_PIPELINE.has(key) && inPipeline(node)) {
          context.report({ node: node.key, messageId: 'unsupportedInPipeline', data: { operator: key } });
        }
      },
      CallExpression(node) {
        const method = memberName(node.callee);
        if (node.callee.type !== 'MemberExpression') return;
        if (method === undefined || !UNSUPPORTED_BUILDER_STAGES.has(method)) return;
        if (!isAggregateChain(node.callee.object)) return;
        context.report({
          node: node.callee.property,
          messageId: 'unsupported',
          data: { operator: `$${method}` },
        });
      },
    };
  },
};
