/**
 * Pages where a user would otherwise be stuck: a record they may not see (or that does not exist,
 * which reads the same), an action refused on a record they may see, an empty list. French first.
 * `{{thisRecord}}` is the record's noun with its demonstrative ("cette affaire"): the app gives
 * it per resource under `resources.<id>.messages.thisRecord`; `messages.thisRecord` is the default.
 */
export const deadEndsFr = {
  thisRecord: 'cet enregistrement',
  deadEndNotFoundTitle: 'Enregistrement introuvable',
  deadEndNotFound: "L'enregistrement demandé n'existe pas, ou vos droits ne vous permettent pas de le voir.",
  deadEndRefusedTitle: 'Action impossible',
  deadEndRefused_edit: 'Vous ne pouvez pas modifier {{thisRecord}} : vos droits vous permettent seulement de consulter sa fiche.',
  deadEndRefused_delete: 'Vous ne pouvez pas supprimer {{thisRecord}} : vos droits ne le permettent pas.',
  deadEndRefused_other: "L'action « {{action}} » ne vous est pas ouverte sur {{thisRecord}}.",
  deadEndBackToList: 'Revenir à la liste « {{list}} »',
  deadEndBackToRecord: 'Voir la fiche',
  deadEndBackHome: 'Revenir au tableau de bord',
  emptyNoData: "Il n'y a encore aucun enregistrement dans « {{list}} ».",
  emptyNoneVisible:
    "Aucun enregistrement de « {{list}} » ne vous est ouvert pour l'instant. Vous voyez ceux que vos droits vous ouvrent (les vôtres, ceux de votre équipe ou partagés avec vous) ; les autres ne sont ni affichés ni comptés.",
  emptyNoMatch: 'Aucun enregistrement ne correspond aux filtres choisis.',
  emptyNoMatchTitle: 'Aucun résultat',
  emptyBadFilterTitle: 'Filtre non valable',
  emptyResetFilters: 'Effacer les filtres',
  emptyNoRight: "Vous n'avez pas accès à « {{list}} ». Si votre travail le demande, demandez cet accès à votre administrateur.",
  emptyNoRightTitle: 'Module non ouvert',
};

export const deadEndsEn: typeof deadEndsFr = {
  thisRecord: 'this record',
  deadEndNotFoundTitle: 'Record not found',
  deadEndNotFound: 'The record asked for does not exist, or your rights do not let you see it.',
  deadEndRefusedTitle: 'Action not possible',
  deadEndRefused_edit: 'You may not edit {{thisRecord}}: your rights only let you read it.',
  deadEndRefused_delete: 'You may not delete {{thisRecord}}: your rights do not allow it.',
  deadEndRefused_other: 'The action “{{action}}” is not open to you on {{thisRecord}}.',
  deadEndBackToList: 'Back to the list “{{list}}”',
  deadEndBackToRecord: 'See the record',
  deadEndBackHome: 'Back to the dashboard',
  emptyNoData: 'There is no record in “{{list}}” yet.',
  emptyNoneVisible:
    'No record of “{{list}}” is open to you for now. You see those your rights open to you (yours, your team’s or those shared with you); the others are neither shown nor counted.',
  emptyNoMatch: 'No record matches the chosen filters.',
  emptyNoMatchTitle: 'No result',
  emptyBadFilterTitle: 'Filter not valid',
  emptyResetFilters: 'Clear the filters',
  emptyNoRight: 'You have no access to “{{list}}”. If your work needs it, ask your administrator for it.',
  emptyNoRightTitle: 'Module not open to you',
};
