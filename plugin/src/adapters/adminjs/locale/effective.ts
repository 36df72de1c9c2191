/** Messages of a user's "Accès effectif" (counts per module and the explain tool), French first. */
export const effectiveFr = {
  effectiveTitle: 'Accès effectif de {{name}}',
  effectiveIntro: 'Par module, combien d’enregistrements cet utilisateur peut lire, modifier et supprimer aujourd’hui : comptés par la base avec ses propres droits (profil, rôle, équipes, partage, dossiers).',
  effectiveRole: 'Rôle', effectiveNoRole: 'aucun', effectiveKind_internal: 'Utilisateur interne', effectiveKind_client: 'Utilisateur client',
  effectiveAdmin: 'Administrateur : tous les droits',
  effectiveInactive: 'Utilisateur inactif : il ne peut pas se connecter, il n’a donc accès à rien.',
  effectiveModule: 'Module', effectiveTotal: 'Enregistrements', effectiveRead: 'Lecture', effectiveEdit: 'Modification', effectiveDelete: 'Suppression',
  effectiveExplain: 'Pourquoi ? Expliquer une décision',
  effectiveExplainIntro: 'Choisissez un module, un enregistrement (n’importe lequel du module) et une action : la décision et ce qui la fonde (règle, rôle, équipe, profil, partage par défaut).',
  effectiveChooseModule: '— module —', effectiveSearch: 'Rechercher (référence ou nom)', effectiveChooseRecord: '— enregistrement —',
  effectiveChooseAction: '— action —', effectiveRecord: 'Enregistrement', effectiveAction: 'Action',
  effectiveAction_read: 'Lire', effectiveAction_edit: 'Modifier', effectiveAction_delete: 'Supprimer', effectiveAction_create: 'Créer', effectiveAction_export: 'Exporter',
  effectiveRun: 'Expliquer',
  effectiveAllowed: 'Autorisé', effectiveDenied: 'Refusé',
  effectiveNoRecordNeeded: 'La création et l’export se décident pour le module, sans enregistrement.',
};

export const effectiveEn: Record<keyof typeof effectiveFr, string> = {
  effectiveTitle: 'Effective access of {{name}}',
  effectiveIntro: 'Per module, how many records this user may read, edit and delete today: counted by the database under their own rights (profile, role, teams, sharing, dossiers).',
  effectiveRole: 'Role', effectiveNoRole: 'none', effectiveKind_internal: 'Internal user', effectiveKind_client: 'Client user',
  effectiveAdmin: 'Admin: all rights',
  effectiveInactive: 'Inactive user: cannot sign in, so has access to nothing.',
  effectiveModule: 'Module', effectiveTotal: 'Records', effectiveRead: 'Read', effectiveEdit: 'Edit', effectiveDelete: 'Delete',
  effectiveExplain: 'Why? Explain a decision',
  effectiveExplainIntro: 'Choose a module, a record (any record of the module) and an action: the decision and what it rests on (rule, role, team, profile, default).',
  effectiveChooseModule: '— module —', effectiveSearch: 'Search (reference or name)', effectiveChooseRecord: '— record —',
  effectiveChooseAction: '— action —', effectiveRecord: 'Record', effectiveAction: 'Action',
  effectiveAction_read: 'Read', effectiveAction_edit: 'Edit', effectiveAction_delete: 'Delete', effectiveAction_create: 'Create', effectiveAction_export: 'Export',
  effectiveRun: 'Explain',
  effectiveAllowed: 'Allowed', effectiveDenied: 'Denied',
  effectiveNoRecordNeeded: 'Create and export are decided for the module, with no record.',
};
