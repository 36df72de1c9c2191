/** Messages of the "Vérifier puis enregistrer" step (docs/access-preview.md), French first. */
export const accessPreviewFr = {
  accessPreviewSave: 'Vérifier puis enregistrer',
  accessPreviewTitle: "Vérifier avant d'enregistrer",
  accessPreviewIntro: "Voici ce que ce changement ferait aux droits des utilisateurs. Rien n'est encore enregistré.",
  accessPreviewNothing: 'Aucun utilisateur ne gagne ni ne perd de droits.',
  accessPreviewAffected: '{{n}} utilisateur concerné au total',
  accessPreviewAffectedMany: '{{n}} utilisateurs concernés au total',
  accessPreviewShow: 'Voir les utilisateurs',
  accessPreviewHide: 'Masquer les utilisateurs',
  accessPreviewUserChange: '{{from}} → {{to}}',
  accessPreviewMore: 'et {{n}} autre',
  accessPreviewMoreMany: 'et {{n}} autres',
  accessPreviewConfirm: 'Confirmer',
  accessPreviewCancel: 'Annuler',
  accessPreviewComputing: 'Calcul des droits de chaque utilisateur…',
};

export const accessPreviewEn: Record<keyof typeof accessPreviewFr, string> = {
  accessPreviewSave: 'Review and save',
  accessPreviewTitle: 'Review before saving',
  accessPreviewIntro: "This is what the change would do to users' rights. Nothing is saved yet.",
  accessPreviewNothing: 'No user gains or loses any right.',
  accessPreviewAffected: '{{n}} user affected in all',
  accessPreviewAffectedMany: '{{n}} users affected in all',
  accessPreviewShow: 'Show the users',
  accessPreviewHide: 'Hide the users',
  accessPreviewUserChange: '{{from}} → {{to}}',
  accessPreviewMore: 'and {{n}} more',
  accessPreviewMoreMany: 'and {{n}} more',
  accessPreviewConfirm: 'Confirm',
  accessPreviewCancel: 'Cancel',
  accessPreviewComputing: "Computing every user's rights…",
};
