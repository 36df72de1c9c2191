/** Messages of the role tree page, French first. */
export const rolesFr = {
  rolesTitle: 'Rôles',
  rolesIntro: "La hiérarchie des rôles : un utilisateur voit aussi ce que possèdent les utilisateurs des rôles placés sous le sien. Chaque rôle reçoit un ou plusieurs profils de droits ; ses utilisateurs peuvent faire ce que permet l'un d'eux.",
  rolesExpandAll: 'Tout déplier', rolesCollapseAll: 'Tout replier',
  rolesUsers: '{{count}} utilisateur(s)', rolesSubtreeUsers: '{{count}} au total',
  rolesAddChild: '+ Sous-rôle', rolesRename: 'Renommer', rolesMove: 'Déplacer', rolesProfiles: 'Profils', rolesDelete: 'Supprimer',
  rolesChildName: 'Nouveau rôle sous {{name}}', rolesChildProfiles: 'Ses profils (le profil par défaut est proposé) :',
  rolesCreate: 'Créer', rolesNewName: 'Nouveau nom de {{name}}', rolesSave: 'Enregistrer', rolesCancel: 'Annuler',
  rolesMoveUnder: 'Placer {{name}} sous', rolesChooseRole: '— rôle —', rolesCurrentParent: '(actuel)',
  rolesMoveHelp: 'Un rôle ne peut pas aller sous lui-même ni sous un de ses subordonnés : le serveur le refuse.',
  rolesProfilesOf: 'Profils de {{name}} (au moins un) :',
  rolesDeleteWhat: 'Supprimer {{name}} : {{users}} utilisateur(s) et {{children}} sous-rôle(s) passent au rôle héritier.',
  rolesDeleteRules: 'Règles de partage supprimées avec lui : {{rules}}.', rolesDeleteNoRules: 'Aucune règle de partage ne le nomme.',
  rolesHeir: 'Rôle héritier', rolesConfirmDelete: 'Supprimer le rôle', rolesDefault: '(par défaut)',
};

export const rolesEn: Record<keyof typeof rolesFr, string> = {
  rolesTitle: 'Roles',
  rolesIntro: 'The role hierarchy: a user also sees what the users of the roles below theirs own. Each role receives one or more permission profiles; its users may do what any one of them allows.',
  rolesExpandAll: 'Expand all', rolesCollapseAll: 'Collapse all',
  rolesUsers: '{{count}} user(s)', rolesSubtreeUsers: '{{count}} in all',
  rolesAddChild: '+ Sub-role', rolesRename: 'Rename', rolesMove: 'Move', rolesProfiles: 'Profiles', rolesDelete: 'Delete',
  rolesChildName: 'New role under {{name}}', rolesChildProfiles: 'Its profiles (the default profile is proposed):',
  rolesCreate: 'Create', rolesNewName: 'New name of {{name}}', rolesSave: 'Save', rolesCancel: 'Cancel',
  rolesMoveUnder: 'Move {{name}} under', rolesChooseRole: '— role —', rolesCurrentParent: '(current)',
  rolesMoveHelp: 'A role cannot go under itself or one of its subordinates: the server refuses it.',
  rolesProfilesOf: 'Profiles of {{name}} (at least one):',
  rolesDeleteWhat: 'Delete {{name}}: {{users}} user(s) and {{children}} sub-role(s) go to the heir role.',
  rolesDeleteRules: 'Sharing rules deleted with it: {{rules}}.', rolesDeleteNoRules: 'No sharing rule names it.',
  rolesHeir: 'Heir role', rolesConfirmDelete: 'Delete the role', rolesDefault: '(default)',
};
