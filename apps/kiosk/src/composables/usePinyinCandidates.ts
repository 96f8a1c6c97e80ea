import { computed, type Ref, shallowRef } from 'vue';

type Dictionary = Map<string, string[]>;
let dictionary: Promise<Dictionary> | undefined;

/**
 * Pinyin → characters for typing a name on a kiosk without a keyboard. The characters are GB2312's 6,763, level 1
 * (the 3,755 common ones) before level 2, which is how the browser's own GBK decoder lists them; their readings,
 * polyphones included, come from pinyin-pro. Built once, on first use, in a chunk of its own.
 */
export function loadDictionary(): Promise<Dictionary> {
  dictionary ??= import('pinyin-pro').then(({ pinyin }) => {
    const map: Dictionary = new Map();
    const gbk = new TextDecoder('gbk');
    for (let high = 0xb0; high <= 0xf7; high++) {
      for (let low = 0xa1; low <= 0xfe; low++) {
        const char = gbk.decode(new Uint8Array([high, low]));
        if (char.length !== 1 || char === '\ufffd') continue;
        for (const reading of pinyin(char, { toneType: 'none', multiple: true, type: 'array', v: true })) {
          const list = map.get(reading);
          if (list) list.push(char);
          else map.set(reading, [char]);
        }
      }
    }
    return map;
  });
  return dictionary;
}

/**
 * Exact syllable first, then the syllables that begin with what was typed, taken in turns (`zh` → 查 侧 颤 长 朝 …, the
 * first of each, then the second of each …), so a partial syllable shows every syllable it may become; no duplicates.
 */
export function candidatesFor(map: Dictionary, typed: string, limit = 60): string[] {
  const key = typed.toLowerCase().replace(/[^a-zv]/g, '');
  if (!key) return [];
  const seen = new Set<string>(map.get(key) ?? []);
  const longer = [...map.keys()]
    .filter((reading) => reading !== key && reading.startsWith(key))
    .sort()
    .map((reading) => map.get(reading) ?? []);
  for (let i = 0; seen.size < limit && longer.some((chars) => i < chars.length); i++) {
    for (const chars of longer) if (i < chars.length) seen.add(chars[i]);
  }
  return [...seen].slice(0, limit);
}

export function usePinyinCandidates(typed: Ref<string>) {
  const map = shallowRef<Dictionary>();
  void loadDictionary().then((loaded) => (map.value = loaded));
  return computed(() => (map.value ? candidatesFor(map.value, typed.value) : []));
}
