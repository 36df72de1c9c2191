import { describe, expect, it } from '@jest/globals';
import { ruleSentence, type ModuleLabel } from '../../plugin/src/core/rule-sentence.js';

const deals: ModuleLabel = { fr: 'affaires', feminine: true, en: 'deals' };
const accounts: ModuleLabel = { fr: 'comptes et contacts', feminine: false, en: 'accounts and contacts' };

describe('a sharing rule as a sentence', () => {
  it('says who shares what with whom, in French first, with the participle agreeing', () => {
    expect(ruleSentence({ from: { kind: 'roleAndSubordinates', name: 'Ventes Nord' }, to: { kind: 'role', name: 'Ventes Sud' }, access: 'read' }, deals))
      .toBe('Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud.');
    expect(ruleSentence({ from: { kind: 'team', name: 'Grands comptes' }, to: { kind: 'roleAndSubordinates', name: 'Support' }, access: 'read_write' }, accounts))
      .toBe("Les comptes et contacts appartenant à l'équipe Grands comptes sont partagés en lecture et écriture avec Support et subordonnés.");
  });

  it('in English too', () => {
    expect(ruleSentence({ from: { kind: 'role', name: 'Ventes' }, to: { kind: 'team', name: 'SAV' }, access: 'read_write' }, deals, 'en'))
      .toBe('Deals owned by Ventes are shared with team SAV, read and write.');
  });
});
