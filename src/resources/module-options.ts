import type { ResourceOptions } from 'adminjs';

/** How the demo shows each module: the columns of its list, its title. */
const lists: Record<string, string[]> = {
  Lead: ['reference', 'name', 'company', 'status', 'source', 'ownerUserId', 'updatedAt'],
  Account: ['reference', 'name', 'city', 'industry', 'ownerUserId', 'ownerTeamId', 'updatedAt'],
  Contact: ['reference', 'name', 'type', 'accountId', 'primaryAdvisorId', 'email', 'phone'],
  Deal: ['reference', 'name', 'accountId', 'stage', 'amount', 'closeDate', 'ownerUserId'],
  Ticket: ['reference', 'name', 'accountId', 'priority', 'status', 'ownerUserId', 'updatedAt'],
  Quote: ['reference', 'name', 'accountId', 'dealId', 'status', 'amount', 'ownerUserId'],
  SalesOrder: ['reference', 'name', 'accountId', 'status', 'amount', 'orderDate', 'ownerUserId'],
  PurchaseOrder: ['reference', 'name', 'supplier', 'status', 'amount', 'expectedDate', 'ownerUserId'],
  Invoice: ['reference', 'name', 'accountId', 'status', 'amount', 'dueDate', 'ownerUserId'],
  Activity: ['reference', 'name', 'kind', 'accountId', 'contactId', 'dueAt', 'done'],
};

export function moduleOptions(module: string): ResourceOptions {
  return {
    titleProperty: 'name',
    ...(lists[module] ? { listProperties: lists[module] } : {}),
    properties: {
      createdById: { isVisible: { list: false, filter: true, show: true, edit: false } },
      createdAt: { isVisible: { list: false, filter: true, show: true, edit: false } },
      ...(module === 'Ticket' || module === 'Activity' ? { description: { type: 'textarea' } } : {}),
    },
  };
}
