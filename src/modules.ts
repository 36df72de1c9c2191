import { ModuleRegistry, type ModuleDeclaration, type OwnerSpec, type SharingModuleSpec } from '../plugin/src/index.js';
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

export const crmModules: ModuleDeclaration[] = [
  { entity: Lead, spec: { name: 'Lead', owner: assigned, links: [], sharingModule: 'Lead' } },
  { entity: Account, spec: { name: 'Account', owner: assigned, links: [], sharingModule: 'Account' } },
  {
    entity: Contact,
    spec: {
      name: 'Contact',
      owner: { kind: 'advisors', primaryField: 'primaryAdvisorId', secondaryField: 'secondaryAdvisorId', assistantField: 'assistantId' },
      links: [account],
      sharingModule: 'Account', // "comptes et contacts": Account's default and rules govern contacts
      contactTypeField: 'type',
    },
  },
  { entity: Deal, spec: { name: 'Deal', owner: assigned, links: [account], sharingModule: 'Deal' } },
  { entity: Ticket, spec: { name: 'Ticket', owner: assigned, links: [account], sharingModule: 'Ticket' } },
  {
    entity: Quote,
    spec: {
      name: 'Quote', owner: assigned, links: [account, { field: 'dealId', module: 'Deal' }], sharingModule: 'Quote',
      sharedThrough: [{ field: 'dealId', module: 'Deal' }],
    },
  },
  {
    entity: SalesOrder,
    spec: {
      name: 'SalesOrder', owner: assigned,
      links: [account, { field: 'dealId', module: 'Deal' }, { field: 'quoteId', module: 'Quote' }],
      sharingModule: 'SalesOrder',
      sharedThrough: [{ field: 'dealId', module: 'Deal' }, { field: 'quoteId', module: 'Quote' }],
    },
  },
  { entity: PurchaseOrder, spec: { name: 'PurchaseOrder', owner: assigned, links: [account], sharingModule: 'PurchaseOrder' } },
  {
    entity: Invoice,
    spec: {
      name: 'Invoice', owner: assigned, links: [account, { field: 'salesOrderId', module: 'SalesOrder' }],
      sharingModule: 'Invoice',
      sharedThrough: [{ field: 'salesOrderId', module: 'SalesOrder' }],
    },
  },
  {
    entity: Activity,
    spec: {
      name: 'Activity', owner: assigned, links: [account, { field: 'contactId', module: 'Contact' }],
      sharingModule: 'Activity',
    },
  },
];

const underAccount = { privateWhilePrivate: 'Account' };

/** The organisation-wide defaults: Account governs Contact; Activity is always private. */
export const crmSharingModules: SharingModuleSpec[] = [
  { name: 'Lead' },
  { name: 'Account' },
  { name: 'Deal', ...underAccount },
  { name: 'Ticket', ...underAccount },
  { name: 'Quote', ...underAccount },
  { name: 'SalesOrder', ...underAccount },
  { name: 'PurchaseOrder', ...underAccount },
  { name: 'Invoice', ...underAccount },
  { name: 'Activity', alwaysPrivate: true },
];

export const registry = new ModuleRegistry(crmModules, crmSharingModules);

export const crmEntities = crmModules.map((m) => m.entity);
