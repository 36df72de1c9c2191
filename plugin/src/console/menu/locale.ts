/** The menu's group labels (AdminJS `labels`), French first. */
export const menuLabelsFr = {
  accessConfiguration: 'Configuration des accès',
  followUp: 'Suivi',
};

export const menuLabelsEn: typeof menuLabelsFr = {
  accessConfiguration: 'Access configuration',
  followUp: 'Follow-up',
};
