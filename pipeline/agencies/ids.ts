/**
 * Registry ids: lower-case ASCII, hyphen-separated segments, at most 64 characters, unique, never reused.
 *
 * The scheme: a people's government is its parent government's id plus the core of its place name in toneless
 * pinyin (江苏省人民政府 "jiangsu", 淮安市人民政府 "jiangsu-huaian", 淮安市洪泽区人民政府 "jiangsu-huaian-hongze",
 * 北京市东城区人民政府 "beijing-dongcheng"); a department is its government's id plus the pinyin initials of what
 * follows the place name (聊城市自然资源和规划局 "shandong-liaocheng-zrzyhghj"). When the id is taken, the pinyin
 * of the generic part is appended ("-qu", "-xian"), then the division code, then a number.
 */
import { pinyin } from 'pinyin-pro';

export const MAX_ID_LENGTH = 64;
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function latin(text: string, pattern: 'pinyin' | 'first'): string {
  return pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', pattern, nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** 洪泽 → "hongze". Letters and digits only. */
export const pinyinSlug = (text: string): string => latin(text, 'pinyin');

/** 自然资源和规划局 → "zrzyhghj". */
export const pinyinInitials = (text: string): string => latin(text, 'first');

/** Joins segments, dropping empty ones, and cuts to the maximum length at a segment boundary when it can. */
export function joinId(...segments: string[]): string {
  const id = segments.filter((s) => s !== '').join('-');
  if (id.length <= MAX_ID_LENGTH) return id;
  return id.slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
}

/** Hands out ids: the first free candidate, else the first one numbered. Every id it has seen stays taken. */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  reserve(id: string): void {
    this.taken.add(id);
  }

  take(candidates: readonly string[]): string {
    const tried = candidates.map((c) => joinId(c)).filter((c) => ID_PATTERN.test(c));
    const free = tried.find((c) => !this.taken.has(c));
    if (free !== undefined) {
      this.taken.add(free);
      return free;
    }
    const base = tried[0] ?? 'agency';
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const id = base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}
