/** Messages of the searchable pickers (search-pickers.tsx), French first. */
export const pickersFr = {
  pickerSearch: 'Tapez pour chercher…',
  pickerSearching: 'Recherche…',
  pickerNothing: 'Aucun résultat',
  pickerNothingFor: 'Aucun résultat pour « {{text}} »',
  pickerMore: 'Tapez une partie du nom pour affiner',
  pickerRemove: 'Retirer',
};

export const pickersEn: typeof pickersFr = {
  pickerSearch: 'Type to search…',
  pickerSearching: 'Searching…',
  pickerNothing: 'No result',
  pickerNothingFor: 'No result for “{{text}}”',
  pickerMore: 'Type part of the name to narrow down',
  pickerRemove: 'Remove',
};

/**
 * Counts with their noun, in the language's plural forms (i18next `_one` / `_other`: in French 0
 * and 1 are singular), for the messages that hold more than one count ("3 utilisateurs · 1 rôle").
 */
export const countsFr = {
  countUsers_one: '{{count}} utilisateur',
  countUsers_other: '{{count}} utilisateurs',
  countClientUsers_one: '{{count}} utilisateur client',
  countClientUsers_other: '{{count}} utilisateurs clients',
  countRoles_one: '{{count}} rôle',
  countRoles_other: '{{count}} rôles',
  countSubRoles_one: '{{count}} sous-rôle',
  countSubRoles_other: '{{count}} sous-rôles',
  countDossiers_one: '{{count}} dossier',
  countDossiers_other: '{{count}} dossiers',
  countSeats_one: '{{count}} licence',
  countSeats_other: '{{count}} licences',
  countIncluded_one: '{{count}} incluse',
  countIncluded_other: '{{count}} incluses',
};

export const countsEn: typeof countsFr = {
  countUsers_one: '{{count}} user',
  countUsers_other: '{{count}} users',
  countClientUsers_one: '{{count}} client user',
  countClientUsers_other: '{{count}} client users',
  countRoles_one: '{{count}} role',
  countRoles_other: '{{count}} roles',
  countSubRoles_one: '{{count}} sub-role',
  countSubRoles_other: '{{count}} sub-roles',
  countDossiers_one: '{{count}} dossier',
  countDossiers_other: '{{count}} dossiers',
  countSeats_one: '{{count}} seat',
  countSeats_other: '{{count}} seats',
  countIncluded_one: '{{count}} included',
  countIncluded_other: '{{count}} included',
};
