import { describe, expect, it } from '@jest/globals';
import { moduleLabel, ruleClause, ruleSentence, type ModuleLabel } from '../../plugin/src/core/rule-sentence.js';
import { explanationText } from '../../plugin/src/core/explain-text.js';

const deals: ModuleLabel = { fr: 'affaires', feminine: true, en: 'deals' };
const accounts: ModuleLabel = { fr: 'comptes et contacts', feminine: false, en: 'accounts and contacts' };

describe('a sharing rule as a sentence', () => {
  it('says who shares what with whom, in French first, with the participle agreeing', () => {
    expect(ruleSentence({ from: { kind: 'roleAndSubordinates', name: 'Ventes Nord' }, to: { kind: 'role', name: 'Ventes Sud' }, access: 'read' }, deals)).toBe(
      'Les affaires appartenant à Ventes Nord et subordonnés sont partagées en lecture avec Ventes Sud.',
    );
    expect(
      ruleSentence({ from: { kind: 'team', name: 'Grands comptes' }, to: { kind: 'roleAndSubordinates', name: 'Support' }, access: 'read_write' }, accounts),
    ).toBe("Les comptes et contacts appartenant à l'équipe Grands comptes sont partagés en lecture et écriture avec Support et subordonnés.");
  });

  it('in English too', () => {
    expect(ruleSentence({ from: { kind: 'role', name: 'Ventes' }, to: { kind: 'team', name: 'SAV' }, access: 'read_write' }, deals, 'en')).toBe(
      'Deals owned by Ventes are shared with team SAV, read and write.',
    );
  });
});

describe('a sharing rule inside an explanation', () => {
  const rule = { id: 4, name: null, module: 'Deal', from: 'roleAndSubordinates:Ventes Nord', to: 'team:SAV', access: 'read_write' as const };
  const explanation = { allowed: true, action: 'edit' as const, module: 'Deal', reasons: [{ code: 'rule' as const, rule }] };
  const labels = (module: string) => (module === 'Deal' ? deals : accounts);

  it("names the records by the module's label, as the sharing screen does, never by its name", () => {
    const names = {
      login: 'sud',
      name: 'Émilie Durand',
      labels,
      nouns: () => ({ fr: 'affaire', frPlural: 'affaires', feminine: true, en: 'deal', enPlural: 'deals' }),
    };
    expect(explanationText(explanation, names, 'fr')).toBe(
      "Émilie Durand peut modifier cette affaire parce que la règle n° 4 partage les affaires appartenant à Ventes Nord et subordonnés avec l'équipe SAV, en lecture et écriture.",
    );
    expect(explanationText(explanation, names, 'en')).toBe(
      'Émilie Durand can edit this deal because rule 4 shares deals owned by Ventes Nord and subordinates with team SAV, read-write.',
    );
    // A module the app gives no noun: "cet enregistrement", never its name.
    expect(explanationText(explanation, { login: 'sud', labels }, 'fr')).toMatch(
      /^sud peut modifier cet enregistrement parce que la règle n° 4 partage les affaires/,
    );
  });

  it('says the owners, the grantees and the label as the sentence does (one implementation of both)', () => {
    const sentence = ruleSentence(
      { from: { kind: 'roleAndSubordinates', name: 'Ventes Nord' }, to: { kind: 'team', name: 'SAV' }, access: 'read_write' },
      deals,
    );
    const clause = ruleClause(
      { id: 4, name: 'Nord vers SAV', from: { kind: 'roleAndSubordinates', name: 'Ventes Nord' }, to: { kind: 'team', name: 'SAV' }, access: 'read_write' },
      deals,
    );
    expect(clause).toBe("la règle « Nord vers SAV » partage les affaires appartenant à Ventes Nord et subordonnés avec l'équipe SAV, en lecture et écriture");
    for (const part of ['affaires appartenant à Ventes Nord et subordonnés', "avec l'équipe SAV", 'en lecture et écriture']) {
      expect([part, sentence.includes(part), clause.includes(part)]).toEqual([part, true, true]);
    }
  });

  it('a module the app gives no label is named by its name', () => {
    expect(moduleLabel({ modules: [], sharingModules: [{ name: 'Project' }] }, 'Project')).toEqual({ fr: 'Project', feminine: false, en: 'Project' });
  });
});
