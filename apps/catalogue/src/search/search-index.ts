import { THEME_CODES, THEMES, type ThemeCode } from '@psc/contracts/catalogue';
import { pinyin } from 'pinyin-pro';
import { COLLOQUIAL, COLLOQUIAL_WEIGHT, STOP_CHARACTERS, STOP_WORDS } from './phrasing';
import { jiebaSegmenter, type Segmenter } from './segmenter';
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

/**
 * How the hits were found: `direct` — by the query as typed (characters, pinyin, initials, synonyms, or without
 * filler words); `words` — a sentence, by the words that matter in it; `fuzzy` — pinyin with one letter wrong or
 * missing; `none` — nothing matched, and `suggestions` holds the closest items instead.
 */
export type MatchKind = 'direct' | 'words' | 'fuzzy' | 'none';

export interface SearchAnswer {
  hits: SearchHit[];
  match: MatchKind;
  suggestions: SearchHit[];
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
const EDIT = 1 << 16; // a syllable typed with one letter wrong or missing: more than any number of initials
const UNREACHABLE = 1 << 30;

/** `typed` is `reading` with one letter after the first changed (dibso: bao) or left out (dibo: bao). */
function oneEditAway(typed: string, reading: string): boolean {
  if (typed[0] !== reading[0]) return false;
  if (typed.length === reading.length) {
    let differences = 0;
    for (let i = 1; i < typed.length; i++) if (typed[i] !== reading[i]) differences++;
    return differences === 1;
  }
  if (typed.length !== reading.length - 1 || reading.length < 3) return false;
  for (let skip = 1; skip < reading.length; skip++)
    if (typed === reading.slice(0, skip) + reading.slice(skip + 1)) return true;
  return false;
}

/**
 * The cheapest way to spell `query[q..]` from unit `u` on: a character as itself, a reading in full, the last
 * reading begun (`dibaosh`), or a reading's initial (`s`, also `sh`). Ends anywhere, or at the text's end (`toEnd`).
 * With `edits` left, one reading may also be typed one letter wrong or short (see oneEditAway), at the cost EDIT.
 */
function cost(
  query: string,
  units: readonly Unit[],
  q: number,
  u: number,
  toEnd: boolean,
  edits: number,
): number {
  if (q === query.length) return !toEnd || u === units.length ? 0 : UNREACHABLE;
  if (u === units.length) return UNREACHABLE;
  const key = ((((q * (units.length + 1) + u) << 1) | (toEnd ? 1 : 0)) << 1) | edits;
  if (memo[key] !== UNSEEN) return memo[key];
  const unit = units[u];
  let best = UNREACHABLE;
  if (query.startsWith(unit.char, q)) best = cost(query, units, q + unit.char.length, u + 1, toEnd, edits);
  const letter = query.charCodeAt(q);
  const rest = query.length - q;
  for (let r = 0; r < unit.readings.length && best > 0; r++) {
    const reading = unit.readings[r];
    const alternative = r === 0 ? 0 : 1;
    if (reading.charCodeAt(0) !== letter) continue;
    if (query.startsWith(reading, q))
      best = Math.min(best, alternative + cost(query, units, q + reading.length, u + 1, toEnd, edits));
    else if (
      rest >= 2 &&
      rest < reading.length &&
      reading.startsWith(query.slice(q)) &&
      (!toEnd || u + 1 === units.length)
    )
      best = Math.min(best, alternative);
    best = Math.min(best, alternative + INITIAL + cost(query, units, q + 1, u + 1, toEnd, edits));
    if (reading[1] === 'h' && reading.length > 2 && query.charCodeAt(q + 1) === 104 /* h */)
      best = Math.min(best, alternative + 2 * INITIAL + cost(query, units, q + 2, u + 1, toEnd, edits));
    if (edits > 0 && reading.length >= 2)
      for (const length of [reading.length, reading.length - 1])
        if (q + length <= query.length && oneEditAway(query.slice(q, q + length), reading))
          best = Math.min(best, alternative + EDIT + cost(query, units, q + length, u + 1, toEnd, 0));
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

/** With `edits` = 1 only matches with exactly one mistyped syllable score, below every exact pinyin match. */
function scorePinyin(query: string, term: Term, edits = 0): number {
  const { units } = term;
  const size = (query.length + 1) * (units.length + 1) * 4;
  if (size > memo.length) memo = new Int32Array(size * 2).fill(UNSEEN);
  const first = query.charCodeAt(0);
  const firstBit = letterBit(first);
  const kindOf = (c: number): Kind =>
    c < INITIAL ? FULL : Math.floor(c / INITIAL) === query.length ? INITIALS : MIXED;
  const score = (c: number, position: Position) => {
    if (c >= UNREACHABLE || edits > 0 !== c >= EDIT) return 0;
    if (edits === 0) return pinyinScore(term.field, kindOf(c), position, c % INITIAL > 0);
    const kind = kindOf(c - EDIT);
    // among initials one letter more or less is another word, not a slip
    return kind === INITIALS ? 0 : pinyinScore(term.field, kind, position, c % INITIAL > 0) - 200;
  };
  let best = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.char.charCodeAt(0) !== first && (unit.starts & firstBit) === 0) continue;
    if (u === 0) {
      best = Math.max(
        best,
        score(cost(query, units, 0, 0, true, edits), EXACT),
        score(cost(query, units, 0, 0, false, edits), PREFIX),
      );
    } else {
      best = Math.max(best, score(cost(query, units, 0, u, false, edits), INFIX));
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

/** Bits set in `bits`: how many letters of a query a term lacks. */
function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** The best match with one syllable mistyped; a term may lack one of the query's letters (the wrong one). */
function scoreTermsFuzzy(query: string, terms: readonly Term[], letters: number): number {
  let best = 0;
  for (const term of terms)
    if (bitCount(letters & ~term.letters) <= 1) best = Math.max(best, scorePinyin(query, term, 1));
  return best;
}

/** Fewer letters than this are too short to tell a slip from another word. */
const FUZZY_MIN_LETTERS = 4;
const SUGGESTIONS = 4;

/** Words of a group each stand for the others (see COLLOQUIAL): word → the other members. */
const STAND_INS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of COLLOQUIAL)
    for (const word of group) {
      const others = map.get(word) ?? new Set<string>();
      for (const other of group) if (other !== word) others.add(other);
      map.set(word, others);
    }
  return new Map([...map].map(([word, others]) => [word, [...others]]));
})();

/** 我爸 is 爸 and 想查 is 查: a word that is a pronoun (or 想, 要) plus a known word is that word. */
const PRONOUN = /^(?:我|俺|咱|我家|我们家|想|要)(.+)$/u;

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
 * walks the prepared readings. What finds nothing as typed is read again, in turn: without filler words, as a
 * sentence cut into words (我爸八十了有没有补贴), as pinyin with one slip (dibso); and when all of that finds nothing,
 * the items closest to it are suggested (see SearchAnswer).
 */
export class CatalogueSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly synonyms: readonly (readonly string[])[];
  private readonly themes: ReadonlyMap<ThemeCode, readonly Term[]>;
  /** set when the segmenter has learnt every indexed text as a word, so 四点半课堂 is never cut in three */
  private taught = false;

  constructor(
    synonyms: readonly (readonly string[])[] = SYNONYMS,
    private readonly segmenter: Segmenter = jiebaSegmenter,
  ) {
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
    this.taught = false;
  }

  remove(code: string): void {
    this.entries.delete(code);
  }

  setPopularity(code: string, popularity: number): void {
    const entry = this.entries.get(code);
    if (entry) entry.popularity = popularity;
  }

  search(query: string, options: { limit?: number; codes?: ReadonlySet<string> } = {}): SearchHit[] {
    return this.find(query, options).hits;
  }

  find(query: string, options: { limit?: number; codes?: ReadonlySet<string> } = {}): SearchAnswer {
    const q = normalise(query);
    if (!q) return { hits: [], match: 'none', suggestions: [] };
    const { codes } = options;
    const ranked = (found: Map<string, number>) => this.ranked(found, options.limit ?? 20);
    let found = this.scores(q, codes);
    if (found.size === 0) found = this.withoutFillers(query, codes);
    if (found.size > 0) return { hits: ranked(found), match: 'direct', suggestions: [] };
    found = HAN.test(q) ? this.byWords(q, codes) : found;
    if (found.size > 0) return { hits: ranked(found), match: 'words', suggestions: [] };
    found = this.fuzzy(q, codes);
    if (found.size > 0) return { hits: ranked(found), match: 'fuzzy', suggestions: [] };
    return { hits: [], match: 'none', suggestions: this.ranked(this.closest(q, codes), SUGGESTIONS) };
  }

  private ranked(found: ReadonlyMap<string, number>, limit: number): SearchHit[] {
    return [...found]
      .map(([code, score]) => ({ code, score, popularity: this.entries.get(code)?.popularity ?? 0 }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.popularity - a.popularity ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      )
      .slice(0, limit)
      .map(({ code, score }) => ({ code, score }));
  }

  private *offered(codes: ReadonlySet<string> | undefined): Generator<[string, Entry]> {
    for (const pair of this.entries) if (!codes || codes.has(pair[0])) yield pair;
  }

  private scores(q: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const letters = lettersOf(q);
    const themeScores = new Map<ThemeCode, number>();
    const found = new Map<string, number>();
    for (const [code, entry] of this.offered(codes)) {
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

  /** The words of a sentence that carry the wish: not stop words, 我爸 read as 爸. */
  words(q: string): string[] {
    if (!this.taught) {
      this.segmenter.addWords([...this.entries.values()].flatMap((e) => e.terms.map((t) => t.text)));
      this.segmenter.addWords(COLLOQUIAL.flat());
      this.taught = true;
    }
    const words = new Set<string>();
    const cuts = this.segmenter.cut(q);
    for (let i = 0; i < cuts.length; i++) {
      // 没有 + 工作 is 没有工作, a known everyday word, though each half alone says little
      const joined = cuts[i] + (cuts[i + 1] ?? '');
      if (i + 1 < cuts.length && STAND_INS.has(joined)) {
        words.add(joined);
        i++;
        continue;
      }
      const cut = cuts[i];
      if (STOP_WORDS.has(cut) || !HAN.test(cut)) continue;
      const bare = PRONOUN.exec(cut)?.[1];
      words.add(bare && (STAND_INS.has(bare) || bare.length === 1) ? bare : cut);
    }
    return [...words];
  }

  /**
   * A sentence by its words: each word (or, at a discount, a stand-in of it) found in an item's name or keywords
   * adds that word's weight, and a word few items contain weighs more than one many contain (idf), so 八十 and 补贴
   * together lead to 高龄津贴 rather than to any 补贴.
   */
  private byWords(q: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const offered = [...this.offered(codes)];
    const total = new Map<string, number>();
    for (const word of this.words(q)) {
      const matched = this.matching(word, offered);
      // a compound the dictionary knows but no item says (锻炼身体): its parts, 锻炼 and 身体
      if (matched.size === 0 && word.length > 2)
        for (const part of this.segmenter.cutSmall(word))
          if (part !== word && !STOP_WORDS.has(part))
            for (const [code, weight] of this.matching(part, offered))
              matched.set(code, Math.max(matched.get(code) ?? 0, weight));
      if (matched.size === 0) continue;
      // a lone character (学, 办) says less than a word, unless it is a known everyday word (钱, 丢)
      const worth = word.length === 1 && !STAND_INS.has(word) ? 0.5 : 1;
      const idf = Math.log(1 + offered.length / matched.size);
      for (const [code, weight] of matched) total.set(code, (total.get(code) ?? 0) + worth * weight * idf);
    }
    return new Map([...total].map(([code, score]) => [code, Math.max(1, Math.round(score * 100))]));
  }

  /**
   * How well each item holds a word: 1 for the word itself, COLLOQUIAL_WEIGHT for a stand-in, and up to half as
   * much again the more of the name or keyword it is (轮椅 says more of 轮椅申请 than of a long item name).
   */
  private matching(word: string, offered: readonly [string, Entry][]): Map<string, number> {
    const forms = [word, ...(STAND_INS.get(word) ?? [])];
    const matched = new Map<string, number>();
    for (const [code, entry] of offered) {
      let weight = 0;
      for (const term of entry.terms)
        for (const form of forms) {
          if (!term.text.includes(form)) continue;
          const base = form === word ? 1 : COLLOQUIAL_WEIGHT;
          weight = Math.max(weight, base * (1 + (0.5 * form.length) / term.text.length));
        }
      if (weight > 0) matched.set(code, weight);
    }
    return matched;
  }

  /** Letters only, one syllable typed a letter wrong or short: dibso, dibo, shebaok. */
  private fuzzy(q: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const found = new Map<string, number>();
    if (!/^[a-z]+$/.test(q) || q.length < FUZZY_MIN_LETTERS) return found;
    const letters = lettersOf(q);
    for (const [code, entry] of this.offered(codes)) {
      const score = scoreTermsFuzzy(q, entry.terms, letters);
      if (score > 0) found.set(code, score);
    }
    return found;
  }

  /**
   * 您是不是要找…: the items sharing the most telling characters with the query (rare ones count more), or, when
   * none shares any, the most popular ones.
   */
  private closest(q: string, codes: ReadonlySet<string> | undefined): Map<string, number> {
    const offered = [...this.offered(codes)];
    const total = new Map<string, number>();
    for (const char of new Set(Array.from(q))) {
      if (!HAN.test(char) || STOP_CHARACTERS.has(char)) continue;
      const having = offered.filter(([, e]) =>
        e.terms.some((t) => t.field !== THEME && t.text.includes(char)),
      );
      const idf = Math.log(1 + offered.length / Math.max(1, having.length));
      for (const [code] of having) total.set(code, (total.get(code) ?? 0) + idf);
    }
    if (total.size > 0) return new Map([...total].map(([code, score]) => [code, Math.round(score * 100)]));
    return new Map(offered.map(([code]) => [code, 1]));
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
