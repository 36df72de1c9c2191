import { describe, expect, it } from '@jest/globals';
import { pairClasses, previewLines, type ClassPair } from '../../plugin/src/core/preview-lines.js';
import type { RightChange } from '../../plugin/src/core/access-reach.js';

const loss = (from: string): RightChange => ({ module: 'Deal', action: 'delete', detail: null, change: 'loss', from, to: 'none' });

describe(pairClasses.name, () => {
  it('pairs each user with their class before and after, a user on one side only with the empty class', () => {
    const pairs = pairClasses(
      [
        { cls: 'A', ids: [1, 2] },
        { cls: 'B', ids: [3, 4] },
      ],
      [
        { cls: 'A', ids: [1] },
        { cls: 'C', ids: [2, 3] },
        { cls: 'D', ids: [5] },
      ],
    );
    const said = pairs.map((p) => `${p.before}>${p.after}:${p.users.join(',')}`).sort();
    expect(said).toEqual(['>D:5', 'A>A:1', 'A>C:2', 'B>:4', 'B>C:3']);
  });
});

describe(previewLines.name, () => {
  const pairs: ClassPair[] = [
    { before: 'A', after: 'A', users: [1, 2] },
    { before: 'B', after: 'B', users: [3] },
    { before: 'C', after: 'C', users: [4] },
  ];
  const named = [
    { id: 3, name: 'Anne' },
    { id: 2, name: 'Bruno' },
    { id: 1, name: 'Chloé' },
    { id: 4, name: 'Denis' },
  ];

  it("counts a line's users over the pairs, names them in the order given, each with their own levels", () => {
    const { affected, lines } = previewLines(
      pairs,
      [
        { pair: 0, change: loss('own') },
        { pair: 1, change: loss('beyond') },
      ],
      named,
      200,
    );
    expect(affected).toBe(3);
    expect(lines).toEqual([
      {
        module: 'Deal',
        action: 'delete',
        detail: null,
        change: 'loss',
        count: 3,
        fromNothing: false,
        toNothing: true,
        users: [
          { id: 3, name: 'Anne', from: 'beyond', to: 'none' },
          { id: 2, name: 'Bruno', from: 'own', to: 'none' },
          { id: 1, name: 'Chloé', from: 'own', to: 'none' },
        ],
      },
    ]);
  });

  it('names at most `limit` users but counts them all; one line per right and direction', () => {
    const gain: RightChange = { module: 'Lead', action: 'read', detail: null, change: 'gain', from: 'none', to: 'own' };
    const { affected, lines } = previewLines(
      pairs,
      [
        { pair: 0, change: loss('own') },
        { pair: 2, change: loss('own') },
        { pair: 2, change: gain },
      ],
      named,
      2,
    );
    expect(affected).toBe(3);
    expect(lines.map((l) => [l.module, l.change, l.count, l.users.map((u) => u.name), l.fromNothing])).toEqual([
      ['Deal', 'loss', 3, ['Bruno', 'Chloé'], false],
      ['Lead', 'gain', 1, ['Denis'], true],
    ]);
  });

  it('leaves out a user no longer there (not among the named), and says nothing when nothing changes', () => {
    const { lines } = previewLines(
      pairs,
      [{ pair: 1, change: loss('own') }],
      named.filter((u) => u.id !== 3),
      200,
    );
    expect(lines).toEqual([]);
    expect(previewLines(pairs, [], named, 200)).toEqual({ affected: 0, lines: [] });
  });
});
