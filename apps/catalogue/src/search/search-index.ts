import type { ThemeCode } from '@psc/contracts/catalogue';
import { THEMES } from '@psc/contracts/catalogue';
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

/** One character of an indexed text with every reading it may have (polyphones: all of them). */
interface Unit {
  char: string;
  readings: string[];
}

interface Term {
  text: string;
  units: Unit[];
  weight: number;
}

interface Entry {
  doc: SearchDoc;
  terms: Term[];
}

const HAN = /\p{Script=Han}/u;
const normalise = (input: string) =>
  input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・,，。、()（）\-_/]+/g, '');

/** Readings in context first (pinyin-pro picks 重庆 chong, 重度 zhong), then every other reading of the character. */
function unitsOf(text: string): Unit[] {
  const chars = Array.from(text);
  const inContext = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const sameLength = inContext.length === chars.length;
  return chars.map((char, i) => {
    if (!HAN.test(char)) return { char, readings: [] };
    const all = pinyin(char, { toneType: 'none', multiple: true, type: 'array', v: true });
    const first = sameLength ? inContext[i] : all[0];
    return { char, readings: [...new Set([first, ...all].filter(Boolean))] };
  });
}

// how a query matched a term, strongest first
const EXACT = 100;
const PREFIX = 80;
const INFIX = 60;
const PINYIN = 0.6; // full syllables typed
const INITIALS = 0.45; // first letters typed

/**
 * Matches `query` against `units` from `start`: a Han character must be that character; letters may spell a reading in
 * full, begin the last one (typing in progress), or be its initial. Returns how much of the match was letters typed as
 * whole syllables versus initials, or null. Depth-first with the strongest option first; the texts are short.
 */
function matchAt(
  query: string,
  units: Unit[],
  start: number,
): { end: number; initials: number; letters: number } | null {
  const walk = (q: number, u: number, initials: number, letters: number): ReturnType<typeof matchAt> => {
    if (q === query.length) return { end: u, initials, letters };
    if (u === units.length) return null;
    const unit = units[u];
    const c = query[q];
    if (!/[a-z]/.test(c)) return c === unit.char ? walk(q + 1, u + 1, initials, letters) : null;
    if (unit.char === c) return walk(q + 1, u + 1, initials, letters);
    for (const reading of unit.readings) {
      if (query.startsWith(reading, q)) {
        const found = walk(q + reading.length, u + 1, initials, letters + reading.length);
        if (found) return found;
      }
    }
    // the last syllable being typed: `dibaosh` already finds 低保申请
    const rest = query.slice(q);
    if (/^[a-z]+$/.test(rest) && rest.length > 1 && unit.readings.some((r) => r.startsWith(rest)))
      return { end: u + 1, initials, letters: letters + rest.length };
    if (unit.readings.some((r) => r[0] === c)) return walk(q + 1, u + 1, initials + 1, letters);
    return null;
  };
  return walk(0, start, 0, 0);
}

function scoreTerm(query: string, term: Term): number {
  if (term.text === query) return EXACT * term.weight;
  if (term.text.startsWith(query)) return (PREFIX + (10 * query.length) / term.text.length) * term.weight;
  if (term.text.includes(query)) return (INFIX + (10 * query.length) / term.text.length) * term.weight;
  let best = 0;
  for (let start = 0; start < term.units.length; start++) {
    const m = matchAt(query, term.units, start);
    if (!m) continue;
    const span = m.end - start;
    const kind =
      m.initials > 0 && m.letters === 0 ? INITIALS : m.initials > 0 ? (PINYIN + INITIALS) / 2 : PINYIN;
    const coverage = span / term.units.length;
    const score = (kind * (start === 0 ? PREFIX : INFIX) + 10 * coverage) * term.weight;
    best = Math.max(best, score);
  }
  return best;
}

/** Aliases made by swapping a synonym into a text: 最低生活保障申请 → 低保申请. */
function withSynonyms(text: string, groups: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const group of groups) {
    for (const member of group) {
      if (!text.includes(member)) continue;
      for (const other of group) if (other !== member) out.add(text.replace(member, other));
    }
  }
  out.delete(text);
  return [...out];
}

/**
 * The kiosk search: characters, full pinyin, initials (`dbsq`), mixed input (`低保sq`), synonyms, popular first
 * when scores tie. Everything about the documents is worked out when they are indexed; a query only walks them.
 */
export class CatalogueSearchIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly synonyms: readonly (readonly string[])[] = SYNONYMS) {}

  replace(docs: readonly SearchDoc[]): void {
    this.entries.clear();
    for (const doc of docs) this.upsert(doc);
  }

  upsert(doc: SearchDoc): void {
    const terms: Term[] = [];
    const add = (text: string, weight: number) => {
      const normal = normalise(text);
      if (normal && !terms.some((t) => t.text === normal))
        terms.push({ text: normal, units: unitsOf(normal), weight });
    };
    add(doc.name, 1);
    for (const keyword of doc.keywords) add(keyword, 0.9);
    for (const alias of [doc.name, ...doc.keywords].flatMap((t) => withSynonyms(t, this.synonyms)))
      add(alias, 0.85);
    add(THEMES[doc.theme], 0.4);
    this.entries.set(doc.code, { doc: { ...doc }, terms });
  }

  remove(code: string): void {
    this.entries.delete(code);
  }

  setPopularity(code: string, popularity: number): void {
    const entry = this.entries.get(code);
    if (entry) entry.doc.popularity = popularity;
  }

  search(query: string, options: { limit?: number; codes?: ReadonlySet<string> } = {}): SearchHit[] {
    const q = normalise(query);
    if (!q) return [];
    const hits: (SearchHit & { popularity: number })[] = [];
    for (const [code, { doc, terms }] of this.entries) {
      if (options.codes && !options.codes.has(code)) continue;
      let score = 0;
      for (const term of terms) score = Math.max(score, scoreTerm(q, term));
      if (score > 0) hits.push({ code, score: Math.round(score * 100) / 100, popularity: doc.popularity });
    }
    hits.sort((a, b) => b.score - a.score || b.popularity - a.popularity || a.code.localeCompare(b.code));
    return hits.slice(0, options.limit ?? 20).map(({ code, score }) => ({ code, score }));
  }
}
