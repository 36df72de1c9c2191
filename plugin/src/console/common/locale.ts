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
