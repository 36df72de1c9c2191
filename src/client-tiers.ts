import type { ClientTierMaxima, ModuleAction } from '@portier/adminjs';

/**
 * The firm's offer to its clients: what a client profile of each licence tier may grant, module
 * by module, each tier including the one before (docs/spec/client-access.md). Declared by the
 * demo with its modules; the plugin names no module of its own.
 */
const connect: Record<string, ModuleAction[]> = {
  Account: ['read'],
  Invoice: ['read'],
  SalesOrder: ['read'],
  Ticket: ['create', 'read', 'edit'],
};
const invoicing: Record<string, ModuleAction[]> = { ...connect, Quote: ['create', 'read', 'edit'], Invoice: ['create', 'read', 'edit'] };
const accountingBase: Record<string, ModuleAction[]> = {
  ...invoicing,
  PurchaseOrder: ['create', 'read', 'edit', 'delete'],
  SalesOrder: ['create', 'read', 'edit', 'delete'],
};
const withExport = (m: Record<string, ModuleAction[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v, 'export' as ModuleAction]]));

export const crmClientTiers: ClientTierMaxima = {
  connect,
  invoicing,
  accounting: withExport(accountingBase),
  commercial: withExport({ ...accountingBase, Contact: ['create', 'read', 'edit', 'delete'], Deal: ['create', 'read', 'edit', 'delete'] }),
};
