import { THEME_CODES, THEMES, type ThemeCode } from '@psc/contracts/catalogue';
import { pinyin } from 'pinyin-pro';
import { SYNONYMS } from './synonyms';

export interface SearchDoc {
  code: string;
  name: string;
  theme: ThemeCode;
  keywords: string[];
  popularity: number;
}

export interface SearchHit {
  code: string;
  score: number;
}

/** One character of an indexed text; `readings[0]` is its reading in context, the rest what else it may be read as. */
interface Unit {
  char: string;
  readings: readonly string[];
  /** the first letter of every reading, as letter bits */
  starts: number;
}

interface Term {
  text: string;
  units: readonly Unit[];
  field: Field;
  /** every letter in the term's readings and in its text, as letter bits: a query with another letter cannot match */
  letters: number;
  /** the pinyin score of each one-letter query (a–z), worked out when first asked; UNSEEN until then */
  single?: Int16Array;
}

interface Entry {
  theme: ThemeCode;
  terms: readonly Term[];
  popularity: number;
}

// Where a query matched, strongest first. Scores are tiers, not blends, so equally good matches tie and the popular
// item goes first: every character match beats every pinyin match, and a theme only beats pinyin. Keywords are the
// item's other names, so typing one in full is as good as typing the name (居住证 is 居住证申领, not 居住证签注); a
// synonym in full only beats partial keywords, not a name that says it (养老金 is 养老金申领, not 养老保险参保).
const NAME = 0;
const KEYWORD = 1;
const ALIAS = 2; // a name or keyword with a synonym swapped in
const THEME = 3;
type Field = typeof NAME | typeof KEYWORD | typeof ALIAS | typeof THEME;

const EXACT = 0;
const PREFIX = 1;
const INFIX = 2;
type Position = typeof EXACT | typeof PREFIX | typeof INFIX;

const CHARACTER_SCORES: Record<Field, readonly [number, number, number]> = {
  [NAME]: [1000, 950, 900],
  [KEYWORD]: [970, 850, 830],
  [ALIAS]: [870, 800, 780],
  [THEME]: [700, 690, 680],
};

const FULL = 0; // whole syllables (a last one may still be being typed)
const MIXED = 1; // syllables and initials, or characters and letters
const INITIALS = 2;
type Kind = typeof FULL | typeof MIXED | typeof INITIALS;

function pinyinScore(field: Field, kind: Kind, position: Position, alternative: boolean): number {
  const penalty = alternative ? 1 : 0; // a polyphone's other reading ranks just below the reading in context
  return field === THEME
    ? 200 - 30 * kind - 10 * position - penalty
    : 500 - 100 * kind - 30 * position - 5 * field - penalty;
}
const BEST_PINYIN = pinyinScore(NAME, FULL, EXACT, false);

/** NFKC (full-width letters), lower case, ü as v, tone marks, spaces and punctuation dropped. */
export function normalise(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\p{M}\s\p{P}\p{S}]+/gu, '')
    .normalize('NFC');
}

const HAN = /\p{Script=Han}/u;
const NO_READINGS: readonly string[] = [];

/** a–z as one bit each (a = 1), anything else 0 */
const letterBit = (code: number) => (code >= 97 && code <= 122 ? 1 << (code - 97) : 0);

function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= letterBit(text.charCodeAt(i));
  return bits;
}

const readingCache = new Map<string, readonly string[]>();

/** Every reading of a character (pinyin-pro's own table), ü also typed as u: 律 lv, lu. Shared between texts. */
function readingsOf(char: string, inContext: string | undefined): readonly string[] {
  const key = `${char}${inContext ?? ''}`;
  let readings = readingCache.get(key);
  if (!readings) {
    const all = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true });
    const ordered = inContext ? [inContext, ...all] : all;
    readings = [
      ...new Set(ordered.flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r]))),
    ].filter((r) => /^[a-z]+$/.test(r));
    readingCache.set(key, readings);
  }
  return readings;
}

/** pinyin-pro reads the whole text, so polyphones are read in context (重度 zhong, 银行 hang, 长者 zhang). */
function unitsOf(text: string): Unit[] {
  const chars = Array.from(text);
  const inContext = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'spaced' });
  const aligned = inContext.length === chars.length;
  return chars.map((char, i) => {
    const readings = HAN.test(char) ? readingsOf(char, aligned ? inContext[i] : undefined) : NO_READINGS;
    let starts = 0;
    for (const reading of readings) starts |= letterBit(reading.charCodeAt(0));
    return { char, readings, starts };
  });
}

function termOf(text: string, field: Field): Term {
  const units = unitsOf(text);
  let letters = lettersOf(text);
  for (const unit of units) for (const reading of unit.readings) letters |= lettersOf(reading);
  return { text, units, field, letters };
}

/** One synonym member found in a text, at [start, end). */
interface Occurrence {
  start: number;
  end: number;
  group: readonly string[];
}

/** The text with one or two synonym members swapped for another of their group: 最低生活保障申请 → 低保申请. */
function aliasesOf(text: string, groups: readonly (readonly string[])[], limit = 24): string[] {
  const found: Occurrence[] = [];
  for (const group of groups)
    for (const member of group)
      for (let i = text.indexOf(member); i >= 0; i = text.indexOf(member, i + 1))
        found.push({ start: i, end: i + member.length, group });
  // 计划生育 also contains 生育: the longer word is what the text says there
  const kept = found.filter(
    (a) => !found.some((b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start),
  );
  const swaps = (t: string, o: Occurrence) => {
    const member = text.slice(o.start, o.end);
    return o.group.filter((m) => m !== member).map((m) => t.slice(0, o.start) + m + t.slice(o.end));
  };
  const out = new Set<string>();
  for (const a of kept) for (const alias of swaps(text, a)) out.add(alias);
  for (const a of kept)
    for (const b of kept)
      if (a.end <= b.start)
        for (const once of swaps(text, b)) for (const alias of swaps(once, a)) out.add(alias);
  out.delete(text);
  return [...out].slice(0, limit);
}

// Scratch space for the pinyin match, reused by every query (search is synchronous).
const UNSEEN = -1;
let memo = new Int32Array(4096).fill(UNSEEN);
let touched: number[] = [];

const INITIAL = 256; // cost of a letter typed as an initial; alternative readings cost 1 each, fewer than 256
const UNREACHABLE = 1 << 30;

/**
 * The cheapest way to spell `query[q..]` from unit `u` on: a character as itself, a reading in full, the last
 * reading begun (`dibaosh`), or a reading's initial (`s`, also `sh`). Ends anywhere, or at the text's end (`toEnd`).
 */
function cost(query: string, units: readonly Unit[], q: number, u: number, toEnd: boolean): number {
  if (q === query.length) return !toEnd || u === units.length ? 0 : UNREACHABLE;
  if (u === units.length) return UNREACHABLE;
  const key = ((q * (units.length + 1) + u) << 1) | (toEnd ? 1 : 0);
  if (memo[key] !== UNSEEN) return memo[key];
  const unit = units[u];
  let best = UNREACHABLE;
  if (query.startsWith(unit.char, q)) best = cost(query, units, q + unit.char.length, u + 1, toEnd);
  const letter = query.charCodeAt(q);
  const rest = query.length - q;
  for (let r = 0; r < unit.readings.length && best > 0; r++) {
    const reading = unit.readings[r];
    const alternative = r === 0 ? 0 : 1;
    if (reading.charCodeAt(0) !== letter) continue;
    if (query.startsWith(reading, q))
      best = Math.min(best, alternative + cost(query, units, q + reading.length, u + 1, toEnd));
    else if (
      rest >= 2 &&
      rest < reading.length &&
      reading.startsWith(query.slice(q)) &&
      (!toEnd || u + 1 === units.length)
    )
      best = Math.min(best, alternative);
    best = Math.min(best, alternative + INITIAL + cost(query, units, q + 1, u + 1, toEnd));
    if (reading[1] === 'h' && reading.length > 2 && query.charCodeAt(q + 1) === 104 /* h */)
      best = Math.min(best, alternative + 2 * INITIAL + cost(query, units, q + 2, u + 1, toEnd));
  }
  memo[key] = best;
  touched.push(key);
  return best;
}

function scoreCharacters(query: string, term: Term): number {
  const i = term.text.indexOf(query);
  if (i < 0) return 0;
  const position = term.text.length === query.length ? EXACT : i === 0 ? PREFIX : INFIX;
  return CHARACTER_SCORES[term.field][position];
}

function scorePinyin(query: string, term: Term): number {
  const { units } = term;
  const size = (query.length + 1) * (units.length + 1) * 2;
  if (size > memo.length) memo = new Int32Array(size * 2).fill(UNSEEN);
  const first = query.charCodeAt(0);
  const firstBit = letterBit(first);
  const kindOf = (c: number): Kind =>
    c < INITIAL ? FULL : Math.floor(c / INITIAL) === query.length ? INITIALS : MIXED;
  const score = (c: number, position: Position) =>
    c >= UNREACHABLE ? 0 : pinyinScore(term.field, kindOf(c), position, c % INITIAL > 0);
  let best = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.char.charCodeAt(0) !== first && (unit.starts & firstBit) === 0) continue;
    if (u === 0) {
      best = Math.max(
        best,
        score(cost(query, units, 0, 0, true), EXACT),
        score(cost(query, units, 0, 0, false), PREFIX),
      );
    } else {
      best = Math.max(best, score(cost(query, units, 0, u, false), INFIX));
    }
  }
  for (const key of touched) memo[key] = UNSEEN;
  touched = [];
  return best;
}

/** One letter (what is sent at the first key press) is asked of every term over and over: kept per term. */
function scoreLetter(query: string, term: Term): number {
  const i = query.charCodeAt(0) - 97;
  term.single ??= new Int16Array(26).fill(UNSEEN);
  if (term.single[i] === UNSEEN) term.single[i] = scorePinyin(query, term);
  return term.single[i];
}

/** `letters`: the query's letters as letter bits, 0 when it has none (then only characters can match). */
function scoreTerms(query: string, terms: readonly Term[], letters: number): number {
  let best = 0;
  for (const term of terms) best = Math.max(best, scoreCharacters(query, term));
  if (best > 0 || letters === 0) return best;
  const one = query.length === 1;
  for (const term of terms) {
    // every letter typed is a reading's letter (or a letter in the text): a term without one of them cannot match
    if ((term.letters & letters) !== letters) continue;
    best = Math.max(best, one ? scoreLetter(query, term) : scorePinyin(query, term));
    if (best === BEST_PINYIN) break;
  }
  return best;
}

// Words a resident wraps around what they want (申请低保, 低保怎么办); dropped only when the query finds nothing.
const FILLERS =
  /我想|我要|想要|怎么|怎样|如何|在哪里|去哪里|在哪儿|哪里|在哪|去哪|需要|什么|材料|手续|流程|可以|能不能|办理|申请|申领|办|吗|呢|的|了/g;

/** The query's words without the fillers, normalised; none left, or just the query itself, means no second try. */
function partsWithoutFillers(query: string): string[] {
  const parts = query
    .split(/\s+/)
    .map((part) => normalise(part.normalize('NFKC').replace(FILLERS, '')))
    .filter(Boolean);
  return parts.length === 0 || (parts.length === 1 && parts[0] === normalise(query)) ? [] : parts;
}

/**
 * Everything a query's answer depends on, as one string: the normalised query and, when the second try without
 * fillers could differ, its parts. Queries with equal keys get equal answers from the same index (`dbsq`, `DBSQ`,
 * `ｄｂｓｑ` alike), so answers can be kept by it. Normalised text holds no spaces, so the parts join unambiguously.
 */
export function queryKey(query: string): string {
  return [normalise(query), ...partsWithoutFillers(query)].join(' ');
}

/**
 * The kiosk search: characters, full pinyin, initials (`dbsq`), mixed input (`低保sq`), synonyms and polyphones,
 * popular first when scores tie. Everything about the documents is worked out when they are indexed; a query only
 * walks the prepared readings.
 */
export class CatalogueSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly synonyms: readonly (readonly string[])[];
  private readonly themes: ReadonlyMap<ThemeCode, readonly Term[]>;

  constructor(synonyms: readonly (readonly string[])[] = SYNONYMS) {
    this.synonyms = synonyms
      .map((group) => [...new Set(group.map(normalise).filter(Boolean))])
      .filter((g) => g.length > 1);
    this.themes = new Map(THEME_CODES.map((code) => [code, this.termsOf([[THEMES[code], THEME]])]));
  }

  replace(docs: readonly SearchDoc[]): void {
    this.entries.clear();
    for (const doc of docs) this.upsert(doc);
  }

  upsert(doc: SearchDoc): void {
    // 法律援助申请（代办） is also just 法律援助申请
    const bare = doc.name.replace(/[(（][^)）]*[)）]/g, '');
    const terms = this.termsOf([
      [doc.name, NAME],
      [bare, NAME],
      ...doc.keywords.map((k): [string, Field] => [k, KEYWORD]),
    ]);
    this.entries.set(doc.code, { theme: doc.theme, terms, popularity: doc.popularity });
  }

  remove(code: string): void {
    this.entries.delete(code);
  }

  setPopularity(code: string, popularity: number): void {
    const entry = this.entries.get(code);
    if (entry) entry.popularity = popularity;
  }

  search(query: string, options: { limit?: number; codes?: ReadonlySet<string> } = {}): SearchHit[] {
    const q = normalise(query);
    if (!q) return [];
    let found = this.scores(q, options.codes);
    if (found.size === 0) found = this.withoutFillers(query, options.codes);
    return [...found]
      .map(([code, score]) => ({ code, score, popularity: this.entries.get(code)?.popularity ?? 0 }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.popularity - a.popularity ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      )
      .slice(0, options.limit ?? 20)
      .map(({ code, score }) => ({ code, score }));
  }

  private scores(q: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const letters = lettersOf(q);
    const themeScores = new Map<ThemeCode, number>();
    const found = new Map<string, number>();
    for (const [code, entry] of this.entries) {
      if (codes && !codes.has(code)) continue;
      let theme = themeScores.get(entry.theme);
      if (theme === undefined) {
        theme = scoreTerms(q, this.themes.get(entry.theme) ?? [], letters);
        themeScores.set(entry.theme, theme);
      }
      const score = Math.max(scoreTerms(q, entry.terms, letters), theme);
      if (score > 0) found.set(code, score);
    }
    return found;
  }

  /** 申请低保, 老年证怎么办理: every part left after dropping the fillers must match; the weakest part counts. */
  private withoutFillers(query: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const parts = partsWithoutFillers(query);
    if (parts.length === 0) return new Map<string, number>();
    const [first, ...rest] = parts.map((part) => this.scores(part, codes));
    for (const scores of rest)
      for (const [code, score] of first) {
        const other = scores.get(code);
        if (other === undefined) first.delete(code);
        else first.set(code, Math.min(score, other));
      }
    return first;
  }

  /** The texts as terms, with their synonym aliases; a text already indexed under a stronger field is kept once. */
  private termsOf(texts: readonly (readonly [string, Field])[]): Term[] {
    const terms = new Map<string, Term>();
    const add = (text: string, field: Field) => {
      if (text && !terms.has(text)) terms.set(text, termOf(text, field));
    };
    const normal = texts.map(([text, field]) => [normalise(text), field] as const);
    for (const [text, field] of normal) add(text, field);
    for (const [text, field] of normal)
      for (const alias of aliasesOf(text, this.synonyms)) add(alias, field === THEME ? THEME : ALIAS);
    return [...terms.values()];
  }
}
