import type { RightChange } from './access-reach.js';

/**
 * The access-change preview's lines (docs/access-preview.md), from what the database said inside
 * the preview's transaction: every user's access class before and after the change, and the users'
 * names in the order the preview names them. Pure, so that the preview's transaction can be rolled
 * back before the engine compiles anything: the classes' differences are mapped back onto the users
 * here, counted and named.
 */

/** The users holding one class, as the database grouped them ('' : the class of a user who does not exist). */
export interface ClassUsers {
  cls: string;
  ids: number[];
}

/** The users whose class went from `before` to `after`. */
export interface ClassPair {
  before: string;
  after: string;
  users: number[];
}

export interface AffectedUser {
  id: number;
  name: string;
  from: string;
  to: string;
}

/** One line: a right and a direction (each user's own levels are in `users`). */
export interface PreviewLine extends Omit<RightChange, 'from' | 'to'> {
  /** How many users this line concerns. */
  count: number;
  /** Whether every one of them had nothing of this right before / has nothing after. */
  fromNothing: boolean;
  toNothing: boolean;
  /** The first of them by name (at most `limit`), each with their own level before and after. */
  users: AffectedUser[];
}

/**
 * The distinct pairs of classes, before and after, with their users: a user only on one side (created
 * or removed by the change) has the empty class on the other, which reaches nothing.
 */
export function pairClasses(before: readonly ClassUsers[], after: readonly ClassUsers[]): ClassPair[] {
  // Classes are long texts: numbered once, and a pair found by its two numbers.
  const numbers = new Map<string, number>([['', 0]]);
  const texts = [''];
  const number = (cls: string) => {
    let n = numbers.get(cls);
    if (n === undefined) {
      numbers.set(cls, (n = texts.length));
      texts.push(cls);
    }
    return n;
  };
  const was = new Map<number, number>();
  for (const c of before) {
    const n = number(c.cls);
    for (const id of c.ids) was.set(id, n);
  }
  const pairs = new Map<number, ClassPair>();
  const width = before.length + after.length + 1; // more than there can be classes
  const add = (b: number, a: number, id: number) => {
    const key = b * width + a;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { before: texts[b], after: texts[a], users: [] }));
    pair.users.push(id);
  };
  for (const c of after) {
    const a = number(c.cls);
    for (const id of c.ids) {
      add(was.get(id) ?? 0, a, id);
      was.delete(id);
    }
  }
  for (const [id, b] of was) add(b, 0, id);
  return [...pairs.values()];
}

const NOTHING = new Set(['none', 'no']);

/**
 * The changes per module, action and direction, over the users: each pair's changes given to the
 * users of that pair. `named` lists the users in the order they are named (by name, then id); a user
 * it does not list (no longer there after the change) is neither counted nor named. `affected`: the
 * users whose rights change in any way.
 */
export function previewLines(
  pairs: readonly ClassPair[],
  changes: ReadonlyArray<{ pair: number; change: RightChange }>,
  named: ReadonlyArray<{ id: number; name: string }>,
  limit: number,
): { affected: number; lines: PreviewLine[] } {
  const rank = new Map(named.map((u, i) => [u.id, i]));
  const lines = new Map<string, { line: PreviewLine; users: Array<{ rank: number; from: string; to: string }> }>();
  const touched = new Set<number>();
  for (const { pair, change } of changes) {
    touched.add(pair);
    const key = JSON.stringify([change.module, change.action, change.detail, change.change]);
    let entry = lines.get(key);
    if (!entry) {
      const { module, action, detail } = change;
      const line: PreviewLine = { module, action, detail, change: change.change, count: 0, fromNothing: true, toNothing: true, users: [] };
      lines.set(key, (entry = { line, users: [] }));
    }
    for (const id of pairs[pair].users) {
      const r = rank.get(id);
      if (r === undefined) continue;
      entry.users.push({ rank: r, from: change.from, to: change.to });
      entry.line.fromNothing &&= NOTHING.has(change.from);
      entry.line.toNothing &&= NOTHING.has(change.to);
    }
  }
  let affected = 0;
  for (const p of touched) affected += pairs[p].users.length;
  const result: PreviewLine[] = [];
  for (const { line, users } of lines.values()) {
    if (!users.length) continue;
    users.sort((a, b) => a.rank - b.rank);
    line.count = users.length;
    line.users = users.slice(0, limit).map((u) => ({ ...named[u.rank], from: u.from, to: u.to }));
    result.push(line);
  }
  return { affected, lines: result };
}
