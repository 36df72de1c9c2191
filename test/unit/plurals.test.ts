import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import { buildLocale } from '../../src/locale/index.js';

/**
 * Counts follow the language's plural rules (i18next's `_one`/`_other`, Intl.PluralRules: in
 * French 0 and 1 are singular), as AdminJS's translateMessage looks them up (`messages.<key>`).
 */
async function translator(lng: 'fr' | 'en') {
  const { translations } = buildLocale(lng);
  const t = i18next.createInstance();
  await t.init({ lng, resources: { [lng]: { translation: translations![lng] as object } }, interpolation: { escapeValue: false } });
  return t;
}

describe('plurals of the catalogues', () => {
  it('says "1 restreint" and "2 restreints", never "restreint(s)"', async () => {
    const t = await translator('fr');
    expect(t.t('messages.profilesRestricted', { count: 1 })).toBe('1 restreint');
    expect(t.t('messages.profilesRestricted', { count: 2 })).toBe('2 restreints');
  });

  it('says "+ 1 autre champ" and "+ 3 autres champs"; "+ 1 more field" in English', async () => {
    const fr = await translator('fr');
    expect(fr.t('messages.auditMoreChanges', { count: 1 })).toBe('+ 1 autre champ');
    expect(fr.t('messages.auditMoreChanges', { count: 3 })).toBe('+ 3 autres champs');
    const en = await translator('en');
    expect(en.t('messages.auditMoreChanges', { count: 1 })).toBe('+ 1 more field');
    expect(en.t('messages.auditMoreChanges', { count: 3 })).toBe('+ 3 more fields');
  });

  it('says each count of a message with two in its own plural: "1 utilisateur · 2 rôles", "0 user · 1 role" in neither "(s)"', async () => {
    for (const lng of ['fr', 'en'] as const) {
      const t = await translator(lng);
      const said = (users: number, roles: number) =>
        t.t('messages.profilesUsersCount', { users: t.t('messages.countUsers', { count: users }), roles: t.t('messages.countRoles', { count: roles }) });
      expect([said(1, 2), said(0, 1), said(3, 0)]).toEqual(
        lng === 'fr'
          ? ['1 utilisateur · 2 rôles', '0 utilisateur · 1 rôle', '3 utilisateurs · 0 rôle']
          : ['1 user · 2 roles', '0 users · 1 role', '3 users · 0 roles'],
      );
    }
    const fr = await translator('fr');
    expect([1, 2].map((count) => fr.t('messages.teamsMembersCount', { count }))).toEqual(['1 membre', '2 membres']);
    expect([1, 4].map((count) => fr.t('messages.clientProfilesHiddenFields', { count }))).toEqual(['1 champ masqué', '4 champs masqués']);
  });

  it('elides before a vowel: "actions d\'Émilie Durand"', async () => {
    const fr = await translator('fr');
    expect(fr.t('messages.auditOfActorElided', { name: 'Émilie Durand', login: 'e.durand' })).toBe("actions d'Émilie Durand (e.durand)");
  });
});
