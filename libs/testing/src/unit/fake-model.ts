import { isDeepStrictEqual } from 'node:util';

/**
 * An in-memory stand-in for the mongoose calls the services make, with the store's semantics their rules depend on:
 * conditional updates that match nothing, unique indexes refusing an insert with E11000, `null` matching a missing
 * field, equality on an array field matching an element, lean documents being copies. Anything it does not model
 * throws, so a spec never passes on a query the store would answer differently. The system tests run the same code
 * against FerretDB.
 */
type Doc = Record<string, unknown> & { _id: string };
type Filter = Record<string, unknown>;
type Update = Partial<Record<(typeof UPDATE_OPERATORS)[number], Record<string, unknown>>>;
type Sort = Record<string, 1 | -1>;

const UPDATE_OPERATORS = ['$set', '$setOnInsert', '$inc', '$unset', '$push', '$pullAll'] as const;

const unsupported = (what: string) => new Error(`fake model: unsupported ${what}`);
const duplicate = (key: string) =>
  Object.assign(new Error(`E11000 duplicate key error index: ${key}_1`), { code: 11000 });
const clone = <T>(value: T): T => structuredClone(value);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);

function isOperator(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length)
    throw unsupported(`mixed condition ${keys.join()}`);
  return operators.length > 0;
}

function get(doc: unknown, path: string): unknown {
  let value = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) throw unsupported(`path ${path} through an array`);
    if (!isPlainObject(value)) return undefined;
    value = value[part];
  }
  return value;
}

function set(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Record<string, unknown> = doc;
  for (const part of parts.slice(0, -1)) {
    if (target[part] === undefined || target[part] === null) target[part] = {};
    const next = target[part];
    if (!isPlainObject(next)) throw unsupported(`path ${path} through a ${typeof next}`);
    target = next;
  }
  target[parts.at(-1)!] = value;
}

function unset(doc: Doc, path: string): void {
  const parts = path.split('.');
  const parent = parts.length === 1 ? doc : get(doc, parts.slice(0, -1).join('.'));
  if (isPlainObject(parent)) delete parent[parts.at(-1)!];
}

const equal = (value: unknown, wanted: unknown): boolean =>
  wanted === null
    ? value === null || value === undefined
    : Array.isArray(value) && !Array.isArray(wanted)
      ? value.some((v) => isDeepStrictEqual(v, wanted))
      : isDeepStrictEqual(value, wanted);

const order = (a: unknown) => (a instanceof Date ? a.getTime() : (a as number | string));

function compare(value: unknown, op: string, arg: unknown): boolean {
  if (value === undefined || value === null) return false;
  const [a, b] = [order(value), order(arg)];
  if (typeof a !== typeof b) throw unsupported(`${op} between ${typeof a} and ${typeof b}`);
  return op === '$lt' ? a < b : op === '$lte' ? a <= b : op === '$gt' ? a > b : a >= b;
}

function test(value: unknown, op: string, arg: unknown): boolean {
  switch (op) {
    case '$eq':
      return equal(value, arg);
    case '$ne':
      return !equal(value, arg);
    case '$in':
      return (arg as unknown[]).some((a) => equal(value, a));
    case '$nin':
      return !(arg as unknown[]).some((a) => equal(value, a));
    case '$exists':
      return (value !== undefined) === arg;
    case '$size':
      return Array.isArray(value) && value.length === arg;
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return compare(value, op, arg);
    default:
      throw unsupported(`query operator ${op}`);
  }
}

function matches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    if (path.startsWith('$')) throw unsupported(`query operator ${path}`);
    const value = get(doc, path);
    if (!isOperator(condition)) return equal(value, condition);
    return Object.entries(condition).every(([op, arg]) => test(value, op, arg));
  });
}

function apply(doc: Doc, update: Update, inserting: boolean): void {
  const keys = Object.keys(update);
  if (keys.length === 0 || keys.some((k) => !(UPDATE_OPERATORS as readonly string[]).includes(k)))
    throw unsupported(`update ${keys.join()} (write $set and friends, as the driver needs)`);
  for (const [path, value] of Object.entries(update.$set ?? {})) set(doc, path, clone(value));
  if (inserting)
    for (const [path, value] of Object.entries(update.$setOnInsert ?? {})) set(doc, path, clone(value));
  for (const [path, by] of Object.entries(update.$inc ?? {}))
    set(doc, path, ((get(doc, path) as number | undefined) ?? 0) + (by as number));
  for (const path of Object.keys(update.$unset ?? {})) unset(doc, path);
  for (const [path, value] of Object.entries(update.$push ?? {})) {
    const list = get(doc, path) ?? [];
    if (!Array.isArray(list)) throw new Error(`fake model: $push to ${path}, which is not an array`);
    const added = isPlainObject(value) && '$each' in value ? (value.$each as unknown[]) : [value];
    set(doc, path, [...(list as unknown[]), ...clone(added)]);
  }
  for (const [path, values] of Object.entries(update.$pullAll ?? {})) {
    const list = get(doc, path);
    if (Array.isArray(list))
      set(
        doc,
        path,
        list.filter((v) => !(values as unknown[]).some((gone) => isDeepStrictEqual(v, gone))),
      );
  }
}

function sorted(docs: Doc[], sort: Sort | undefined): Doc[] {
  if (!sort) return docs;
  const rank = (v: unknown) => (v === undefined || v === null ? -Infinity : order(v));
  return [...docs].sort((x, y) => {
    for (const [path, direction] of Object.entries(sort)) {
      const [a, b] = [rank(get(x, path)), rank(get(y, path))];
      if (a !== b) return (a < b ? -1 : 1) * direction;
    }
    return 0;
  });
}

/** `find()`/`findOne()`: sort, limit and lean, the chain the services use. */
class FakeQuery<R> {
  private order?: Sort;
  private max = Infinity;

  constructor(
    private readonly run: () => Doc[],
    private readonly shape: (docs: Doc[]) => R,
  ) {}

  sort(spec: Sort): this {
    if (!isPlainObject(spec)) throw unsupported('sort other than an object of 1/-1');
    this.order = spec;
    return this;
  }

  limit(n: number): this {
    this.max = n;
    return this;
  }

  // async, so a filter the fake refuses rejects as the store's refusal would
  async lean<T = R>(): Promise<T> {
    return clone(this.shape(sorted(this.run(), this.order).slice(0, this.max))) as unknown as T;
  }
}

export type FakeModel<T extends { _id: string }> = ReturnType<typeof fakeModel<T>>;

/**
 * `unique` lists the unique indexes besides `_id` (a missing field counts as null, as in the store). Pass the fake
 * where a `Model<T>` is expected with `as unknown as Model<T>`; `docs` lets a spec look at or arrange the store.
 */
export function fakeModel<T extends { _id: string }>(initial: T[] = [], unique: string[] = []) {
  const docs = new Map<string, Doc>();
  const all = (filter: Filter) => [...docs.values()].filter((d) => matches(d, filter));
  const first = (filter: Filter) => all(filter)[0];

  /** Writes `doc` under its `_id` unless a unique index already holds one of its keys elsewhere. */
  const put = (doc: Doc, replacing?: string) => {
    if (replacing === undefined && docs.has(doc._id)) throw duplicate('_id');
    for (const key of unique)
      if ([...docs.values()].some((d) => d._id !== doc._id && equal(get(d, key), get(doc, key) ?? null)))
        throw duplicate(key);
    docs.set(doc._id, doc);
  };
  // the change is made on a copy, so an update that throws leaves the document as it was
  const change = (doc: Doc, update: Update) => {
    const next = clone(doc);
    apply(next, update, false);
    put(next, doc._id);
    return next;
  };
  const upsert = (filter: Filter, update: Update) => {
    const fresh = { _id: crypto.randomUUID() } as Doc;
    for (const [path, value] of Object.entries(filter))
      if (!isOperator(value)) set(fresh, path, clone(value));
    apply(fresh, update, true);
    put(fresh);
    return fresh;
  };
  const findAndModify = (
    filter: Filter,
    update: Update,
    options: { upsert?: boolean; after: boolean },
  ): Doc | null => {
    const doc = first(filter);
    if (doc) {
      const changed = change(doc, update);
      return options.after ? changed : doc;
    }
    if (!options.upsert) return null;
    const created = upsert(filter, update);
    return options.after ? created : null;
  };
  const findOne = (filter: Filter = {}) =>
    new FakeQuery(
      () => all(filter),
      (found) => found[0] ?? null,
    );
  for (const doc of initial) put(clone(doc));

  return {
    docs,
    find(filter: Filter = {}, projection?: unknown) {
      if (projection !== undefined) throw unsupported('projection');
      return new FakeQuery(
        () => all(filter),
        (found) => found,
      );
    },
    findOne,
    findById: (id: string) => findOne({ _id: id }),
    async create(doc: Doc | Doc[]) {
      if (Array.isArray(doc)) throw unsupported('create of many (use one call per document)');
      put(clone(doc));
      return clone(doc);
    },
    findOneAndUpdate(
      filter: Filter,
      update: Update,
      options: { new?: boolean; upsert?: boolean; returnDocument?: 'before' | 'after' } = {},
    ) {
      const after = options.new === true || options.returnDocument === 'after';
      const result = findAndModify(filter, update, { upsert: options.upsert, after });
      return new FakeQuery(
        () => (result ? [result] : []),
        (found) => found[0] ?? null,
      );
    },
    async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}) {
      const doc = first(filter);
      if (doc) {
        change(doc, update);
        return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 };
      }
      if (options.upsert) upsert(filter, update);
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: options.upsert ? 1 : 0 };
    },
    async updateMany(filter: Filter, update: Update) {
      const hit = all(filter);
      hit.forEach((d) => change(d, update));
      return { matchedCount: hit.length, modifiedCount: hit.length };
    },
    async deleteMany(filter: Filter) {
      const hit = all(filter);
      hit.forEach((d) => docs.delete(d._id));
      return { deletedCount: hit.length };
    },
    /** the driver's collection, which the outbox and the sequences write through */
    collection: {
      async findOneAndUpdate(
        filter: Filter,
        update: Update,
        options: { upsert?: boolean; returnDocument?: 'before' | 'after' } = {},
      ) {
        const result = findAndModify(filter, update, {
          upsert: options.upsert,
          after: options.returnDocument === 'after',
        });
        return result && clone(result);
      },
    },
  };
}
