/**
 * An in-memory stand-in for the few mongoose calls the services make, with the store's semantics that the rules
 * depend on (conditional updates, upsert colliding on `_id` with E11000). Unit specs only; the system test runs the
 * same code against FerretDB.
 */
type Doc = Record<string, unknown> & { _id: string };
type Filter = Record<string, unknown>;
type Update = { $set?: Filter; $inc?: Record<string, number>; $unset?: Filter };

const isOperator = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Date) &&
  Object.keys(value).every((k) => k.startsWith('$'));

const cmp = (a: unknown) => (a instanceof Date ? a.getTime() : (a as number));

function matches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    const value = doc[key];
    if (!isOperator(condition)) return cmp(value) === cmp(condition);
    return Object.entries(condition).every(([op, arg]) => {
      switch (op) {
        case '$exists':
          return (value !== undefined) === arg;
        case '$ne':
          return cmp(value) !== cmp(arg);
        case '$lt':
          return value !== undefined && cmp(value) < cmp(arg);
        case '$lte':
          return value !== undefined && cmp(value) <= cmp(arg);
        default:
          throw new Error(`fake model: unsupported ${op}`);
      }
    });
  });
}

function apply(doc: Doc, update: Update): void {
  Object.assign(doc, update.$set);
  for (const [k, by] of Object.entries(update.$inc ?? {})) doc[k] = ((doc[k] as number) ?? 0) + by;
  for (const k of Object.keys(update.$unset ?? {})) delete doc[k];
}

const clone = <T>(doc: T): T => (doc === null ? doc : structuredClone(doc));
const query = <T>(value: T) => ({ lean: async () => clone(value) });
const duplicate = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

export function fakeModel<T extends { _id: string }>(initial: T[] = [], unique: (keyof T)[] = []) {
  const docs = new Map<string, Doc>(initial.map((d) => [d._id, clone(d) as unknown as Doc]));
  const find = (filter: Filter) => [...docs.values()].find((d) => matches(d, filter)) ?? null;
  const insert = (doc: Doc) => {
    if (docs.has(doc._id)) throw duplicate();
    for (const key of unique)
      if ([...docs.values()].some((d) => d[key as string] === doc[key as string])) throw duplicate();
    docs.set(doc._id, clone(doc));
  };
  return {
    docs,
    findOne: (filter: Filter) => query(find(filter)),
    findById: (id: string) => query(docs.get(id) ?? null),
    create: async (doc: Doc) => insert(doc),
    findOneAndUpdate: (filter: Filter, update: Update, options: { new?: boolean } = {}) => {
      const doc = find(filter);
      const before = clone(doc);
      if (doc) apply(doc, update);
      return query(options.new ? doc : before);
    },
    updateOne: async (filter: Filter, update: Update, options: { upsert?: boolean } = {}) => {
      const doc = find(filter);
      if (doc) {
        apply(doc, update);
        return { modifiedCount: 1 };
      }
      if (!options.upsert) return { modifiedCount: 0 };
      const fresh = { _id: filter._id as string } as Doc;
      apply(fresh, update);
      insert(fresh);
      return { modifiedCount: 0, upsertedCount: 1 };
    },
    updateMany: async (filter: Filter, update: Update) => {
      const hit = [...docs.values()].filter((d) => matches(d, filter));
      hit.forEach((d) => apply(d, update));
      return { modifiedCount: hit.length };
    },
  };
}

/** A clock the spec moves by hand. */
export function manualClock(start = '2025-03-03T02:00:00Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => void (now += ms);
  return clock;
}
