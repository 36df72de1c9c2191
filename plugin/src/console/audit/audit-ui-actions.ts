import type { ActionContext, ActionResponse, ResourceOptions } from 'adminjs';
import { currentAccess } from '../../adapters/adminjs/request-context.js';
import { hasCapability } from '../../services/actor.js';

/** The AdminJS page of the audit trail (`pages.auditTrail` of createPortier). */
export const AUDIT_PAGE = 'auditTrail';

function canViewAudit(): boolean {
  const store = currentAccess();
  return !!store && hasCapability(store.access, 'viewAudit');
}

/**
 * Actions on the User resource that open the audit trail: "Piste d'audit", a button of each
 * user's page, takes the viewer to the audit page filtered on what that user did. No component:
 * AdminJS calls the handler and follows its `redirectUrl`. The page's data is checked again
 * (`viewAudit`) by `<rootPath>/portier/audit`.
 */
export function auditUserActions(): NonNullable<ResourceOptions['actions']> {
  return {
    auditTrail: {
      actionType: 'record',
      icon: 'Activity',
      component: false,
      isAccessible: canViewAudit,
      // The record was loaded through the access checks before the action.
      handler: async (_request: unknown, _response: unknown, context: ActionContext): Promise<ActionResponse> => ({
        record: context.record!.toJSON(context.currentAdmin),
        redirectUrl: `${context.h.pageUrl(AUDIT_PAGE)}?actor=${encodeURIComponent(String(context.record!.id()))}`,
      }),
    },
  };
}
