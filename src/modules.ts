import { ModuleRegistry, type ModuleDeclaration, type OwnerSpec, type RecordNoun, type SharingModuleSpec } from '@portier/adminjs';
import { crmClientTiers } from './client-tiers.js';
import { Account } from './entities/account.entity.js';
import { Activity } from './entities/activity.entity.js';
import { Contact } from './entities/contact.entity.js';
import { Deal } from './entities/deal.entity.js';
import { Invoice } from './entities/invoice.entity.js';
import { Lead } from './entities/lead.entity.js';
import { PurchaseOrder } from './entities/purchase-order.entity.js';
import { Quote } from './entities/quote.entity.js';
import { SalesOrder } from './entities/sales-order.entity.js';
import { Ticket } from './entities/ticket.entity.js';

/** The demo CRM's ten modules, declared to Portier like any app would. */

const assigned: OwnerSpec = { kind: 'userOrTeam', userField: 'ownerUserId', teamField: 'ownerTeamId' };
const account = { field: 'accountId', module: 'Account' };
/** In a client's dossier through its own account (docs/spec/client-access.md); Activities and Leads never are. */
const inDossier = { accountField: 'accountId' };

export const crmModules: ModuleDeclaration[] = [
  { entity: Lead, spec: { name: 'Lead', owner: assigned, links: [], sharingModule: 'Lead' } },
  { entity: Account, spec: { name: 'Account', owner: assigned, links: [], sharingModule: 'Account', dossier: { root: true } } },
  {
    entity: Contact,
    spec: {
      name: 'Contact',
      owner: { kind: 'advisors', primaryField: 'primaryAdvisorId', secondaryField: 'secondaryAdvisorId', assistantField: 'assistantId' },
      links: [account],
      sharingModule: 'Account', // "comptes et contacts": Account's default and rules govern contacts
      contactTypeField: 'type',
      dossier: inDossier,
    },
  },
  { entity: Deal, spec: { name: 'Deal', owner: assigned, links: [account], sharingModule: 'Deal', dossier: inDossier } },
  { entity: Ticket, spec: { name: 'Ticket', owner: assigned, links: [account], sharingModule: 'Ticket', dossier: inDossier } },
  {
    entity: Quote,
    spec: {
      name: 'Quote',
      owner: assigned,
      links: [account, { field: 'dealId', module: 'Deal' }],
      sharingModule: 'Quote',
      sharedThrough: [{ field: 'dealId', module: 'Deal' }],
      dossier: { accountField: 'accountId', parents: [{ field: 'dealId', module: 'Deal' }] },
    },
  },
  {
    entity: SalesOrder,
    spec: {
      name: 'SalesOrder',
      owner: assigned,
      links: [account, { field: 'dealId', module: 'Deal' }, { field: 'quoteId', module: 'Quote' }],
      sharingModule: 'SalesOrder',
      sharedThrough: [
        { field: 'dealId', module: 'Deal' },
        { field: 'quoteId', module: 'Quote' },
      ],
      dossier: {
        accountField: 'accountId',
        parents: [
          { field: 'quoteId', module: 'Quote' },
          { field: 'dealId', module: 'Deal' },
        ],
      },
    },
  },
  { entity: PurchaseOrder, spec: { name: 'PurchaseOrder', owner: assigned, links: [account], sharingModule: 'PurchaseOrder', dossier: inDossier } },
  {
    entity: Invoice,
    spec: {
      name: 'Invoice',
      owner: assigned,
      links: [account, { field: 'salesOrderId', module: 'SalesOrder' }],
      sharingModule: 'Invoice',
      sharedThrough: [{ field: 'salesOrderId', module: 'SalesOrder' }],
      dossier: { accountField: 'accountId', parents: [{ field: 'salesOrderId', module: 'SalesOrder' }] },
    },
  },
  {
    entity: Activity,
    spec: {
      name: 'Activity',
      owner: assigned,
      links: [account, { field: 'contactId', module: 'Contact' }],
      sharingModule: 'Activity',
    },
  },
];

const underAccount = { privateWhilePrivate: 'Account' };

/** The organisation-wide defaults: Account governs Contact; Activity is always private. */
export const crmSharingModules: SharingModuleSpec[] = [
  { name: 'Lead', label: { fr: 'pistes', feminine: true, en: 'leads' } },
  { name: 'Account', label: { fr: 'comptes et contacts', feminine: false, en: 'accounts and contacts' } },
  { name: 'Deal', label: { fr: 'affaires', feminine: true, en: 'deals' }, ...underAccount },
  { name: 'Ticket', label: { fr: 'tickets', feminine: false, en: 'tickets' }, ...underAccount },
  { name: 'Quote', label: { fr: 'devis', feminine: false, en: 'quotes' }, ...underAccount },
  { name: 'SalesOrder', label: { fr: 'commandes clients', feminine: true, en: 'sales orders' }, ...underAccount },
  { name: 'PurchaseOrder', label: { fr: 'commandes fournisseurs', feminine: true, en: 'purchase orders' }, ...underAccount },
  { name: 'Invoice', label: { fr: 'factures', feminine: true, en: 'invoices' }, ...underAccount },
  { name: 'Activity', label: { fr: 'activités', feminine: true, en: 'activities' }, alwaysPrivate: true },
];

/** How the explanations ("Pourquoi ?") name one record and several, per module. */
const nouns: Record<string, RecordNoun> = {
  Lead: { fr: 'piste', frPlural: 'pistes', feminine: true, en: 'lead', enPlural: 'leads' },
  Account: { fr: 'compte', frPlural: 'comptes', feminine: false, en: 'account', enPlural: 'accounts' },
  Contact: { fr: 'contact', frPlural: 'contacts', feminine: false, en: 'contact', enPlural: 'contacts' },
  Deal: { fr: 'affaire', frPlural: 'affaires', feminine: true, en: 'deal', enPlural: 'deals' },
  Ticket: { fr: 'ticket', frPlural: 'tickets', feminine: false, en: 'ticket', enPlural: 'tickets' },
  Quote: { fr: 'devis', frPlural: 'devis', feminine: false, en: 'quote', enPlural: 'quotes' },
  SalesOrder: { fr: 'commande client', frPlural: 'commandes clients', feminine: true, en: 'sales order', enPlural: 'sales orders' },
  PurchaseOrder: { fr: 'commande fournisseur', frPlural: 'commandes fournisseurs', feminine: true, en: 'purchase order', enPlural: 'purchase orders' },
  Invoice: { fr: 'facture', frPlural: 'factures', feminine: true, en: 'invoice', enPlural: 'invoices' },
  Activity: { fr: 'activité', frPlural: 'activités', feminine: true, en: 'activity', enPlural: 'activities' },
};
for (const declaration of crmModules) declaration.spec.noun = nouns[declaration.spec.name];

export const registry = new ModuleRegistry(crmModules, crmSharingModules, { clientTiers: crmClientTiers });

export const crmEntities = crmModules.map((m) => m.entity);
