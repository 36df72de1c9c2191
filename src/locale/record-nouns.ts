/**
 * Each resource's record with its demonstrative, for the sentences that name one ("Vous ne pouvez
 * pas modifier cette affaire"): AdminJS's `resources.<id>.messages.thisRecord`, read by the
 * plugin's dead-end pages (its default: "cet enregistrement").
 */
const fr = {
  Lead: 'cette piste',
  Account: 'ce compte',
  Contact: 'ce contact',
  Deal: 'cette affaire',
  Ticket: 'ce ticket',
  Quote: 'ce devis',
  SalesOrder: 'cette commande client',
  PurchaseOrder: 'cette commande fournisseur',
  Invoice: 'cette facture',
  Activity: 'cette activité',
  User: 'cet utilisateur',
  Profile: 'ce profil',
  Role: 'ce rôle',
  Team: 'cette équipe',
  SharingRule: 'cette règle de partage',
  SharingDefault: 'ce partage par défaut',
  AuditEntry: "cette entrée de la piste d'audit",
  LoginEvent: 'cette connexion',
};

const en: Record<keyof typeof fr, string> = {
  Lead: 'this lead',
  Account: 'this account',
  Contact: 'this contact',
  Deal: 'this deal',
  Ticket: 'this ticket',
  Quote: 'this quote',
  SalesOrder: 'this sales order',
  PurchaseOrder: 'this purchase order',
  Invoice: 'this invoice',
  Activity: 'this activity',
  User: 'this user',
  Profile: 'this profile',
  Role: 'this role',
  Team: 'this team',
  SharingRule: 'this sharing rule',
  SharingDefault: 'this sharing default',
  AuditEntry: 'this audit trail entry',
  LoginEvent: 'this sign-in',
};

const asResources = (nouns: Record<string, string>) => ({
  resources: Object.fromEntries(Object.entries(nouns).map(([id, thisRecord]) => [id, { messages: { thisRecord } }])),
});

export const recordNounsFr = asResources(fr);
export const recordNounsEn = asResources(en);
