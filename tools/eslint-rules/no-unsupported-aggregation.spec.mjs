import rule from './no-unsupported-aggregation.mjs';
import { runRuleTests } from './rule-tester.mjs';

/** @param {string} operator */
const unsupported = (operator) => ({ messageId: 'unsupported', data: { operator } });
/** @param {string} operator */
const inPipeline = (operator) => ({ messageId: 'unsupportedInPipeline', data: { operator } });

runRuleTests('no-unsupported-aggregation', rule, {
  valid: [
    // the supported subset
    "items.aggregate([{ $match: { status: 'draft' } }, { $group: { _id: '$theme', n: { $sum: 1 } } }, { $sort: { n: -1 } }]);",
    'items.aggregate([{ $unwind: "$tags" }, { $project: { a: 1 } }, { $count: "total" }]);',
    // $min/$max/$push/$addToSet are update operators FerretDB supports
    "model.updateOne({ _id }, { $max: { best: score }, $min: { first: at }, $push: { log: 'x' } });",
    "model.updateOne({ _id }, { $addToSet: { tags: 'a' }, $set: { updatedAt: now } });",
    'const update = { $push: { _seen: { $each: [id], $slice: -1000 } } };',
    // an update pipeline stage's sibling update operators are not inside it
    'collection.bulkWrite([{ updateOne: { filter, update: { $set: { a: 1 }, $push: { b: 2 } } } }]);',
    // other calls named like stages, not on an aggregate chain
    "router.lookup('x'); dns.lookup(host); arr.fill(0); _.merge(a, b);",
    // destructuring and computed keys are not operator documents
    'const { $lookup } = stages; const o = { [key]: 1 };',
  ],
  invalid: [
    {
      code: "items.aggregate([{ $lookup: { from: 'themes', localField: 'theme', foreignField: '_id', as: 't' } }]);",
      errors: [unsupported('$lookup')],
    },
    {
      code: "const pipeline = [{ $facet: { a: [] } }, { $bucketAuto: { groupBy: '$n', buckets: 4 } }];",
      errors: [unsupported('$facet'), unsupported('$bucketAuto')],
    },
    {
      code: "const stage = { $group: { _id: '$theme', avg: { $avg: '$n' }, first: { '$first': '$at' }, last: { $last: '$at' } } };",
      errors: [unsupported('$avg'), unsupported('$first'), unsupported('$last')],
    },
    {
      code: 'const s = { $graphLookup: {} }; const w = { $setWindowFields: {} }; const b = { $bucket: {} };',
      errors: [unsupported('$graphLookup'), unsupported('$setWindowFields'), unsupported('$bucket')],
    },
    {
      // accumulators that are fine as update operators but not under $group
      code: "const stage = { $group: { _id: null, hi: { $max: '$n' }, lo: { $min: '$n' }, all: { $push: '$n' }, set: { $addToSet: '$t' } } };",
      errors: [inPipeline('$max'), inPipeline('$min'), inPipeline('$push'), inPipeline('$addToSet')],
    },
    {
      // anything inside an .aggregate() call is a pipeline
      code: "items.aggregate([{ $project: { top: { $max: ['$a', '$b'] } } }]);",
      errors: [inPipeline('$max')],
    },
    {
      code: "this.model.aggregate().match({}).group({ _id: '$t', all: { $push: '$n' } });",
      errors: [inPipeline('$push')],
    },
    {
      // inside .aggregate() even when the stage key cannot be read statically
      code: "items.aggregate([{ [stage]: { _id: '$t', all: { $push: '$n' } } }]);",
      errors: [inPipeline('$push')],
    },
    {
      code: "find({ $expr: { $gt: [{ $max: '$a' }, 3] } });",
      errors: [inPipeline('$max')],
    },
    {
      // mongoose Aggregate builder stages
      code: "await Item.aggregate().match({}).lookup({ from: 'x' }).facet({});",
      errors: [unsupported('$lookup'), unsupported('$facet')],
    },
    {
      code: "const stages = { '$unionWith': 'other', [`$replaceRoot`]: {} };",
      errors: [unsupported('$unionWith'), unsupported('$replaceRoot')],
    },
  ],
});
