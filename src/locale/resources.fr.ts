import type { LocaleTranslations } from 'adminjs';

/**
 * Labels of the demo's resources. AdminJS looks up (adminjs/src/utils/translate-functions.factory.ts):
 * resource names in labels.<ResourceId>, navigation groups in labels.<navigation.name>,
 * property labels in resources.<ResourceId>.properties.<path> (then properties.<path>),
 * enum and boolean values in resources.<ResourceId>.labels.<path>.<value> (then labels.<path>.<value>).
 */

type ValueLabels<P extends string, V extends string> = { [K in `${P}.${V}`]: string };

export function enumLabels<P extends string, V extends string>(path: P, values: Record<V, string>): ValueLabels<P, V> {
  return Object.fromEntries(Object.entries(values).map(([value, label]) => [`${path}.${value}`, label])) as ValueLabels<P, V>;
}

export function boolLabels<P extends string>(path: P, yes: string, no: string): ValueLabels<P, 'true' | 'false'> {
  return { [`${path}.true`]: yes, [`${path}.false`]: no } as ValueLabels<P, 'true' | 'false'>;
}

/** The same keys, any strings: the English file must mirror the French one exactly. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

const resourceNames = {
  Lead: 'Pistes',
  Account: 'Comptes',
  Contact: 'Contacts',
  Deal: 'Affaires',
  Ticket: 'Tickets',
  Quote: 'Devis',
  SalesOrder: 'Commandes clients',
  PurchaseOrder: 'Commandes fournisseurs',
  Invoice: 'Factures',
  Activity: 'Activités',
  User: 'Utilisateurs',
  Profile: 'Profils de droits',
  Role: 'Rôles',
  Team: 'Équipes',
  SharingRule: 'Règles de partage',
  SharingDefault: 'Partage par défaut',
  AuditEntry: "Piste d'audit",
  LoginEvent: 'Connexions',
  // Not a resource: the module of the access requests' entries in the audit trail (docs/spec/seats.md).
  AccessRequest: "Demandes d'accès",
};

const crmModules = {
  Lead: 'Pistes',
  Account: 'Comptes',
  Contact: 'Contacts',
  Deal: 'Affaires',
  Ticket: 'Tickets',
  Quote: 'Devis',
  SalesOrder: 'Commandes clients',
  PurchaseOrder: 'Commandes fournisseurs',
  Invoice: 'Factures',
  Activity: 'Activités',
};

const record = {
  id: 'ID',
  reference: 'Référence',
  name: 'Nom',
  createdById: 'Créé par',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
};

const owned = {
  ...record,
  ownerUserId: 'Propriétaire',
  ownerTeamId: 'Équipe propriétaire',
};

const address = {
  street: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
};

const ruleKinds = { role: 'Rôle', roleAndSubordinates: 'Rôle et subordonnés', team: 'Équipe' };

export const resourcesFr = {
  labels: {
    crm: 'CRM',
    ...resourceNames,
  },
  resources: {
    Lead: {
      properties: {
        ...owned,
        company: 'Société',
        email: 'E-mail',
        phone: 'Téléphone',
        source: 'Origine',
        status: 'Statut',
        estimatedValue: 'Valeur estimée',
      },
      labels: {
        ...enumLabels('source', {
          web: 'Site web',
          event: 'Événement',
          referral: 'Recommandation',
          inbound_call: 'Appel entrant',
          partner: 'Partenaire',
        }),
        ...enumLabels('status', {
          new: 'Nouvelle',
          contacted: 'Contactée',
          qualified: 'Qualifiée',
          lost: 'Perdue',
          converted: 'Convertie',
        }),
      },
    },
    Account: {
      properties: {
        ...owned,
        industry: "Secteur d'activité",
        siret: 'SIRET',
        email: 'E-mail',
        phone: 'Téléphone',
        website: 'Site web',
        ...address,
        annualRevenue: "Chiffre d'affaires annuel",
        employees: 'Effectif',
      },
    },
    Contact: {
      properties: {
        ...record,
        primaryAdvisorId: 'Conseiller principal',
        secondaryAdvisorId: 'Conseiller secondaire',
        assistantId: 'Assistant(e)',
        accountId: 'Compte',
        type: 'Type',
        jobTitle: 'Fonction',
        email: 'E-mail',
        phone: 'Téléphone',
        mobilePhone: 'Mobile',
        birthDate: 'Date de naissance',
        ...address,
      },
      labels: {
        ...enumLabels('type', { client: 'Client', prospect: 'Prospect', supplier: 'Fournisseur', other: 'Autre' }),
      },
    },
    Deal: {
      properties: {
        ...owned,
        accountId: 'Compte',
        amount: 'Montant',
        stage: 'Étape',
        probability: 'Probabilité (%)',
        closeDate: 'Date de clôture',
      },
      labels: {
        ...enumLabels('stage', {
          prospecting: 'Prospection',
          qualification: 'Qualification',
          proposal: 'Proposition',
          negotiation: 'Négociation',
          won: 'Gagnée',
          lost: 'Perdue',
        }),
      },
    },
    Ticket: {
      properties: {
        ...owned,
        accountId: 'Compte',
        priority: 'Priorité',
        status: 'Statut',
        description: 'Description',
      },
      labels: {
        ...enumLabels('priority', { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' }),
        ...enumLabels('status', {
          open: 'Ouvert',
          in_progress: 'En cours',
          waiting: 'En attente',
          resolved: 'Résolu',
          closed: 'Fermé',
        }),
      },
    },
    Quote: {
      properties: {
        ...owned,
        accountId: 'Compte',
        dealId: 'Affaire',
        amount: 'Montant',
        status: 'Statut',
        validUntil: "Valable jusqu'au",
      },
      labels: {
        ...enumLabels('status', { draft: 'Brouillon', sent: 'Envoyé', accepted: 'Accepté', refused: 'Refusé' }),
      },
    },
    SalesOrder: {
      properties: {
        ...owned,
        accountId: 'Compte',
        dealId: 'Affaire',
        quoteId: 'Devis',
        amount: 'Montant',
        status: 'Statut',
        orderDate: 'Date de commande',
      },
      labels: {
        ...enumLabels('status', { pending: 'En attente', confirmed: 'Confirmée', delivered: 'Livrée', cancelled: 'Annulée' }),
      },
    },
    PurchaseOrder: {
      properties: {
        ...owned,
        accountId: 'Compte',
        supplier: 'Fournisseur',
        amount: 'Montant',
        status: 'Statut',
        expectedDate: 'Date de livraison prévue',
      },
      labels: {
        ...enumLabels('status', { draft: 'Brouillon', ordered: 'Commandée', received: 'Reçue', cancelled: 'Annulée' }),
      },
    },
    Invoice: {
      properties: {
        ...owned,
        accountId: 'Compte',
        salesOrderId: 'Commande client',
        amount: 'Montant',
        status: 'Statut',
        issueDate: "Date d'émission",
        dueDate: "Date d'échéance",
      },
      labels: {
        ...enumLabels('status', {
          draft: 'Brouillon',
          sent: 'Envoyée',
          paid: 'Payée',
          overdue: 'En retard',
          cancelled: 'Annulée',
        }),
      },
    },
    Activity: {
      properties: {
        ...owned,
        accountId: 'Compte',
        contactId: 'Contact',
        kind: 'Type',
        dueAt: 'Échéance',
        done: 'Terminée',
        description: 'Description',
      },
      labels: {
        ...enumLabels('kind', { call: 'Appel', meeting: 'Rendez-vous', email: 'E-mail', task: 'Tâche' }),
        ...boolLabels('done', 'Oui', 'Non'),
      },
    },
    User: {
      properties: {
        id: 'ID',
        login: 'Identifiant',
        email: 'E-mail',
        password: 'Mot de passe',
        firstName: 'Prénom',
        lastName: 'Nom',
        fullName: 'Nom complet',
        isAdmin: 'Administrateur',
        status: 'Statut',
        roleId: 'Rôle',
        kind: 'Type',
        company: 'Société',
        title: 'Fonction',
        department: 'Service',
        reportsToId: 'Responsable',
        phone: 'Téléphone',
        mobilePhone: 'Mobile',
        locale: 'Langue',
        loginHours: 'Horaires de connexion',
        system: 'Système',
        freeSeat: 'Licence offerte',
        freeSeatReason: 'Motif de la licence offerte',
        createdAt: 'Créé le',
        updatedAt: 'Modifié le',
      },
      labels: {
        ...enumLabels('status', { active: 'Actif', inactive: 'Inactif' }),
        ...enumLabels('kind', { internal: 'Interne', client: 'Client' }),
        ...enumLabels('locale', { fr: 'Français', en: 'Anglais' }),
        ...boolLabels('isAdmin', 'Oui', 'Non'),
        ...boolLabels('system', 'Oui', 'Non'),
        ...boolLabels('freeSeat', 'Oui', 'Non'),
      },
    },
    Profile: {
      properties: {
        id: 'ID',
        name: 'Nom',
        description: 'Description',
        system: 'Système',
        isDefault: 'Par défaut',
        audience: "Type d'utilisateurs",
        licenseTier: 'Licence',
        viewAll: 'Tout voir',
        editAll: 'Tout modifier',
        capabilities: 'Autorisations spéciales',
        modules: 'Droits par module',
        contactScopes: 'Portée des contacts',
        fields: 'Droits sur les champs',
        createdAt: 'Créé le',
        updatedAt: 'Modifié le',
      },
      labels: {
        ...enumLabels('audience', { internal: 'Interne', client: 'Client' }),
        ...enumLabels('licenseTier', {
          limited: 'Limité',
          standard: 'Standard',
          premium: 'Premium',
          connect: 'Connect & pay',
          invoicing: 'Easy Invoicing',
          accounting: 'Comptabilité complète',
          commercial: 'Gestion commerciale avancée',
        }),
        ...enumLabels('capabilities', {
          manageUsers: 'Gérer les utilisateurs',
          manageAccess: "Gérer les droits d'accès",
          viewAudit: "Consulter la piste d'audit",
          viewStats: 'Consulter les statistiques',
          requestAccessChanges: "Demander des modifications d'accès",
        }),
        ...boolLabels('system', 'Oui', 'Non'),
        ...boolLabels('isDefault', 'Oui', 'Non'),
        ...boolLabels('viewAll', 'Oui', 'Non'),
        ...boolLabels('editAll', 'Oui', 'Non'),
      },
    },
    Role: {
      properties: {
        id: 'ID',
        name: 'Nom',
        parentId: 'Rôle parent',
        profiles: 'Profils',
      },
    },
    Team: {
      properties: {
        id: 'ID',
        name: 'Nom',
        description: 'Description',
        members: 'Membres',
        roles: 'Rôles',
        rolesAndSubordinates: 'Rôles et subordonnés',
        teams: 'Équipes',
      },
    },
    SharingDefault: {
      properties: {
        module: 'Module',
        level: 'Niveau de partage',
      },
      labels: {
        ...enumLabels('module', crmModules),
        ...enumLabels('level', {
          private: 'Privé',
          public_read: 'Lecture publique',
          public_read_write: 'Lecture/écriture publique',
          public_read_write_delete: 'Lecture/écriture/suppression publique',
        }),
      },
    },
    SharingRule: {
      properties: {
        sentence: 'Règle',
        id: 'ID',
        name: 'Nom',
        module: 'Module',
        fromKind: 'Enregistrements de : type',
        fromRoleId: 'Enregistrements de : rôle',
        fromTeamId: 'Enregistrements de : équipe',
        toKind: 'Partagés avec : type',
        toRoleId: 'Partagés avec : rôle',
        toTeamId: 'Partagés avec : équipe',
        access: 'Accès',
      },
      labels: {
        ...enumLabels('module', crmModules),
        ...enumLabels('fromKind', ruleKinds),
        ...enumLabels('toKind', ruleKinds),
        ...enumLabels('access', { read: 'Lecture', read_write: 'Lecture et écriture' }),
      },
    },
    AuditEntry: {
      properties: {
        id: 'ID',
        at: 'Date',
        actorId: 'Auteur',
        actorLogin: "Identifiant de l'auteur",
        action: 'Action',
        module: 'Module',
        recordId: "ID de l'enregistrement",
        reference: 'Référence',
        changes: 'Modifications',
        message: 'Message',
        ip: 'Adresse IP',
        userAgent: 'Navigateur',
        hash: 'Empreinte',
        prevHash: 'Empreinte précédente',
      },
      labels: {
        ...enumLabels('module', resourceNames),
      },
    },
    LoginEvent: {
      properties: {
        id: 'ID',
        at: 'Date',
        login: 'Identifiant',
        userId: 'Utilisateur',
        success: 'Réussie',
        reason: 'Motif',
        ip: 'Adresse IP',
        userAgent: 'Navigateur',
        company: 'Société',
      },
      labels: {
        ...boolLabels('success', 'Oui', 'Non'),
      },
    },
  },
} satisfies LocaleTranslations;
