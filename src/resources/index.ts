import type { ResourceWithOptions } from 'adminjs';
import { Profile, Role, SharingDefault, SharingRule, Team, User, AuditEntry, LoginEvent } from '../../plugin/src/index.js';
import { crmModules } from '../modules.js';
import { userResourceOptions } from './user.resource.js';

const crm = { name: 'crm', icon: 'Briefcase' };
const access = { name: 'accessAdministration', icon: 'Shield' };

/** The backoffice's resources: the ten CRM modules, then the access set-up. */
export function buildResources(): ResourceWithOptions[] {
  return [
    ...crmModules.map((m) => ({
      resource: m.entity,
      options: {
        navigation: crm,
        sort: { sortBy: 'updatedAt', direction: 'desc' as const },
        properties: { id: { isVisible: { list: false, filter: false, show: true, edit: false } } },
      },
    })),
    { resource: User, options: { navigation: access, ...userResourceOptions() } },
    { resource: Profile, options: { navigation: access } },
    { resource: Role, options: { navigation: access } },
    { resource: Team, options: { navigation: access } },
    { resource: SharingDefault, options: { navigation: access } },
    { resource: SharingRule, options: { navigation: access } },
    { resource: AuditEntry, options: { navigation: access, actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } } } },
    { resource: LoginEvent, options: { navigation: access, actions: { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } } } },
  ];
}
