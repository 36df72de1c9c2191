import type { LocaleTranslations } from 'adminjs';
import { setupValuesFr } from './setup-values.js';
import { accountFr } from '../../../console/account/locale.js';
import { auditFr } from '../../../console/audit/locale.js';
import { mailFr } from '../../../console/mail/locale.js';
import { clientsFr } from '../../../console/clients/locale.js';
import { clientProfilesFr } from '../../../console/client-profiles/locale.js';
import { statsFr } from '../../../console/stats/locale.js';
import { profilesFr } from '../../../console/profiles/locale.js';
import { rolesFr } from '../../../console/roles/locale.js';
import { teamsFr } from '../../../console/teams/locale.js';
import { countsFr, pickersFr } from '../../../console/common/locale.js';
import { sharingFr } from '../../../console/sharing/locale.js';
import { effectiveFr } from '../../../console/effective-access/locale.js';
import { recordsFr } from '../../../console/records/locale.js';
import { usersFr } from '../../../console/users/locale.js';
import { subscriptionFr } from '../../../console/subscription/locale.js';
import { homeFr } from '../../../console/dashboard/locale.js';
import { deadEndsFr } from '../../../console/dead-ends/locale.js';
import { menuLabelsFr } from '../../../console/menu/locale.js';
import { requestsFr } from '../../../console/requests/locale.js';
import { accessPreviewFr } from '../../../console/access-preview/locale.js';

/** AdminJS's own UI in French (every key of adminjs/lib/locale/en/translation.json) plus Portier's messages. */
export const adminjsFr = {
  actions: {
    copyUser: 'Copier',
    deactivateUser: 'Désactiver',
    reactivateUser: 'Réactiver',
    resendInvitation: "Renvoyer l'invitation",
    new: 'Créer',
    edit: 'Modifier',
    show: 'Afficher',
    delete: 'Supprimer',
    bulkDelete: 'Supprimer la sélection',
    list: 'Liste',
    auditTrail: "Piste d'audit", // the User resource's button (audit-ui-actions.ts)
    loginHistory: 'Historique de connexion', // the User resource's button (stats-ui-actions.ts)
    clientDossiers: 'Dossiers clients', // a client user's button (client-ui-actions.ts)
    effectiveAccess: 'Accès effectif',
  },
  buttons: {
    save: 'Enregistrer',
    addNewItem: 'Ajouter un élément',
    filter: 'Filtrer',
    filterActive: 'Filtrer ({{count}})',
    applyChanges: 'Appliquer',
    resetFilter: 'Réinitialiser',
    confirmRemovalMany: 'Confirmer la suppression de {{count}} enregistrement',
    confirmRemovalMany_plural: 'Confirmer la suppression de {{count}} enregistrements',
    logout: 'Se déconnecter',
    login: 'Se connecter',
    seeTheDocumentation: 'Voir : <1>la documentation</1>',
    createFirstRecord: 'Créer le premier enregistrement',
    cancel: 'Annuler',
    confirm: 'Confirmer',
    contactUs: 'Nous contacter',
  },
  components: {
    DropZone: {
      placeholder: 'Déposez votre fichier ici ou cliquez pour parcourir',
      acceptedSize: 'Taille maximale : {{maxSize}}',
      acceptedType: 'Formats acceptés : {{mimeTypes}}',
      unsupportedSize: 'Le fichier {{fileName}} est trop volumineux',
      unsupportedType: "Le fichier {{fileName}} n'est pas d'un type accepté : {{fileType}}",
    },
    LanguageSelector: {
      availableLanguages: {
        de: 'Allemand',
        en: 'Anglais',
        es: 'Espagnol',
        fr: 'Français',
        it: 'Italien',
        ja: 'Japonais',
        pl: 'Polonais',
        'pt-BR': 'Portugais (Brésil)',
        ua: 'Ukrainien',
        'zh-CN': 'Chinois',
      },
    },
    Login: {
      welcomeHeader: 'Bienvenue',
      welcomeMessage: 'sur Portier, le backoffice de Maison Verdier',
      properties: {
        email: 'Identifiant ou e-mail',
        password: 'Mot de passe',
      },
      loginButton: 'Se connecter',
      forgotPassword: 'Mot de passe oublié ?',
    },
  },
  labels: {
    navigation: 'Navigation',
    pages: 'Pages',
    selectedRecords: 'Sélection ({{selected}})',
    filters: 'Filtres',
    adminVersion: 'Admin : {{version}}',
    appVersion: 'Application : {{version}}',
    dashboard: 'Tableau de bord',
    ...menuLabelsFr,
  },
  properties: {
    length: 'Nombre',
    from: 'Du',
    to: 'Au',
  },
  resources: setupValuesFr,
  pages: {
    profiles: 'Profils',
    roles: 'Rôles',
    teams: 'Équipes',
    sharing: 'Partage',
    clientAccess: 'Accès clients',
    subscription: 'Mon abonnement',
    accessRequests: "Demandes d'accès",
    auditTrail: "Piste d'audit",
    connectionStats: 'Statistiques de connexion',
    myAccount: 'Mon compte',
    sentMail: 'Courriers envoyés',
  },
  messages: {
    successfullyBulkDeleted: '{{count}} enregistrement supprimé',
    successfullyBulkDeleted_plural: '{{count}} enregistrements supprimés',
    successfullyDeleted: "L'enregistrement a bien été supprimé",
    successfullyUpdated: "L'enregistrement a bien été modifié",
    thereWereValidationErrors: 'Le formulaire contient des erreurs : vérifiez les champs ci-dessous',
    forbiddenError: 'Action non autorisée.',
    anyForbiddenError: "Vous n'êtes pas autorisé à effectuer cette action",
    successfullyCreated: "L'enregistrement a bien été créé",
    bulkDeleteError: 'Une erreur est survenue pendant la suppression des enregistrements. Consultez la console pour plus de détails',
    errorFetchingRecords: 'Une erreur est survenue pendant le chargement des enregistrements. Consultez la console pour plus de détails',
    errorFetchingRecord: "Une erreur est survenue pendant le chargement de l'enregistrement. Consultez la console pour plus de détails",
    noRecordsSelected: "Vous n'avez sélectionné aucun enregistrement",
    theseRecordsWillBeRemoved: "L'enregistrement suivant va être supprimé",
    theseRecordsWillBeRemoved_plural: 'Les enregistrements suivants vont être supprimés',
    pickSomeFirstToRemove: "Pour supprimer des enregistrements, sélectionnez-les d'abord",
    error404Resource: 'La ressource {{resourceId}} est introuvable',
    error404Action: "La ressource {{resourceId}} n'a pas d'action {{actionName}}, ou vous n'êtes pas autorisé à l'utiliser",
    error404Record: "La ressource {{resourceId}} n'a pas d'enregistrement {{recordId}}, ou vous n'êtes pas autorisé à le consulter",
    seeConsoleForMore: 'Consultez la console de développement pour plus de détails...',
    noActionComponent: 'Vous devez fournir un composant pour cette action',
    noRecordsInResource: "Il n'y a encore aucun enregistrement ici",
    noRecords: 'Aucun enregistrement',
    confirmDelete: 'Voulez-vous vraiment supprimer cet élément ?',
    welcomeOnBoard_title: 'Bienvenue à bord !',
    welcomeOnBoard_subtitle: "Vous faites désormais partie de l'équipe ! Voici quelques conseils pour bien démarrer :",
    addingResources_title: 'Ajouter des ressources',
    addingResources_subtitle: 'Découvrez comment ajouter des ressources dans le menu latéral',
    customizeResources_title: 'Personnaliser les ressources',
    customizeResources_subtitle: 'Définissez leur comportement, leurs propriétés et plus encore...',
    customizeActions_title: 'Personnaliser les actions',
    customizeActions_subtitle: 'Modifiez les actions existantes ou ajoutez les vôtres',
    writeOwnComponents_title: 'Écrire des composants',
    writeOwnComponents_subtitle: "Modifiez l'apparence d'AdminJS",
    customDashboard_title: 'Tableau de bord personnalisé',
    customDashboard_subtitle: "Découvrez comment personnaliser l'écran d'accueil d'AdminJS",
    roleBasedAccess_title: "Contrôle d'accès par rôle",
    roleBasedAccess_subtitle: "Définissez les droits d'accès de vos utilisateurs AdminJS",
    community_title: 'Rejoignez la communauté Discord',
    community_subtitle: "Échangez avec les créateurs d'AdminJS et d'autres utilisateurs",
    foundBug_title: 'Un bug ? Une amélioration ?',
    foundBug_subtitle: 'Ouvrez un ticket sur notre dépôt GitHub',
    needMoreSolutions_title: 'Besoin de solutions plus avancées ?',
    needMoreSolutions_subtitle: 'Nous concevons des interfaces soignées et des logiciels sur mesure, basés (entre autres) sur AdminJS',
    dashboardTitle: 'Tableau de bord',
    dashboardIntro: 'Les enregistrements auxquels vous avez accès, par module.',
    dashboardNothing: 'Aucun module ne vous est ouvert : demandez un accès à votre administrateur.',
    invalidCredentials: 'Identifiant ou mot de passe incorrect.',
    keyPlaceholder: 'CLÉ',
    valuePlaceholder: 'VALEUR',
    initialKey: 'Clé-{{number}}',
    keyInUse: 'Les clés doivent être uniques',
    keyValuePropertyDefaultDescription:
      'Toutes les valeurs sont enregistrées comme du texte. Les clés doivent être uniques : les clés en double ne sont pas enregistrées.',
    pageNotFound_title: 'Page introuvable',
    pageNotFound_subtitle: "La page <strong>« {{pageName}} »</strong> n'existe pas",
    componentNotFound_title: 'Aucun composant indiqué',
    componentNotFound_subtitle: 'Vous devez indiquer le composant qui affiche cet élément',

    userInactive: 'Ce compte est désactivé. Contactez votre administrateur.',
    userWithoutAccess: "Ce collaborateur n'a pas d'accès au backoffice (aucun rôle). Contactez votre administrateur.",
    outsideLoginHours: 'Connexion refusée : en dehors de vos horaires de connexion.',
    tooManyRequests: "Trop d'échecs de connexion depuis cette adresse : réessayez dans 15 minutes.",
    clientWithoutDossier: "Ce compte client n'est rattaché à aucun dossier. Contactez votre administrateur.",
    sessionEnded: 'Votre session a été fermée : votre mot de passe ou vos accès ont changé. Reconnectez-vous.',
    sessionExpired: 'Votre session a expiré (10 heures après la connexion). Reconnectez-vous.',
    recordNotFound: 'Enregistrement introuvable.',
    unknownFilter: 'Filtre inconnu : {{property}}',
    fieldReadOnly: 'Le champ {{field}} est en lecture seule pour vous.',
    ...auditFr,
    ...mailFr,
    ...statsFr,
    ...accountFr,
    ...clientsFr,
    ...clientProfilesFr,
    ...profilesFr,
    ...rolesFr,
    ...teamsFr,
    ...pickersFr,
    ...countsFr,
    ...sharingFr,
    ...effectiveFr,
    ...recordsFr,
    ...usersFr,
    ...subscriptionFr,
    ...requestsFr,
    ...deadEndsFr,
    ...homeFr,
    ...accessPreviewFr,
  },
} satisfies LocaleTranslations;
