/** Messages of the user screens (copy, status, delete with an heir, admin flag), French first. */
export const usersFr = {
  usersAdminYes: 'Administrateur',
  usersAdminNo: 'Pas administrateur',
  usersAdminOnlyAdmins: 'seul un administrateur peut changer ce statut',
  usersDeactivateTitle: 'Désactiver {{login}}',
  usersReactivateTitle: 'Réactiver {{login}}',
  usersDeactivateHelp:
    'Il ne pourra plus se connecter et sa session ouverte sera close à sa prochaine requête. Ses enregistrements, son rôle et son historique restent.',
  usersReactivateHelp: 'Il pourra de nouveau se connecter, avec son rôle et ses profils actuels.',
  usersDeactivate: 'Désactiver',
  usersReactivate: 'Réactiver',
  usersBackToUser: "Retour à l'utilisateur",
  usersBackToList: 'Retour aux utilisateurs',
  usersDeleteTitle: 'Supprimer {{login}}',
  usersDeleteHelp:
    "Ses enregistrements (dont ses contacts, comme conseiller) passent à l'héritier choisi, dans la même transaction : rien n'est perdu ni orphelin.",
  usersHeir: 'Héritier',
  usersChooseHeir: '— héritier —',
  usersDeleteGo: "Supprimer et transférer à l'héritier",
  usersCopyTitle: 'Nouvel utilisateur sur le modèle de {{login}}',
  usersCopyHelp:
    "La copie reprend le rôle, la société, la fonction, le service, le responsable et les horaires de connexion (le statut d'administrateur seulement si vous êtes administrateur).",
  usersCopyGo: 'Créer la copie',
  usersOpenCopy: 'Ouvrir le nouvel utilisateur',
  usersPasswordOptional:
    'Mot de passe facultatif : une invitation part par e-mail, avec un lien pour le choisir. Si vous en fixez un, il devra le changer à sa première connexion.',
  usersInviteTitle: "Renvoyer l'invitation à {{login}}",
  usersInviteHelp:
    "Un e-mail part à {{email}} avec un nouveau lien pour choisir son mot de passe, valable 72 heures. Les liens envoyés avant ne fonctionnent plus ; son mot de passe actuel reste valable tant qu'il n'en a pas choisi un autre.",
  usersInviteGo: "Envoyer l'invitation",
};

export const usersEn: Record<keyof typeof usersFr, string> = {
  usersAdminYes: 'Administrator',
  usersAdminNo: 'Not an administrator',
  usersAdminOnlyAdmins: 'only an administrator may change this',
  usersDeactivateTitle: 'Deactivate {{login}}',
  usersReactivateTitle: 'Reactivate {{login}}',
  usersDeactivateHelp: 'They will no longer sign in, and their open session ends at its next request. Their records, role and history stay.',
  usersReactivateHelp: 'They may sign in again, with their current role and profiles.',
  usersDeactivate: 'Deactivate',
  usersReactivate: 'Reactivate',
  usersBackToUser: 'Back to the user',
  usersBackToList: 'Back to the users',
  usersDeleteTitle: 'Delete {{login}}',
  usersDeleteHelp: 'Their records (including their contacts, as advisor) pass to the chosen heir in the same transaction: nothing is lost or orphaned.',
  usersHeir: 'Heir',
  usersChooseHeir: '— heir —',
  usersDeleteGo: 'Delete and transfer to the heir',
  usersCopyTitle: 'New user modelled on {{login}}',
  usersCopyHelp: 'The copy takes the role, company, title, department, manager and login hours (the administrator flag only if you are an administrator).',
  usersCopyGo: 'Create the copy',
  usersOpenCopy: 'Open the new user',
  usersPasswordOptional:
    'Password optional: an invitation goes by e-mail, with a link to choose one. If you set one, they must change it at their first sign-in.',
  usersInviteTitle: 'Resend the invitation to {{login}}',
  usersInviteHelp:
    'An e-mail goes to {{email}} with a new link to choose their password, valid 72 hours. Links sent before no longer work; their current password stays valid until they choose another.',
  usersInviteGo: 'Send the invitation',
};
