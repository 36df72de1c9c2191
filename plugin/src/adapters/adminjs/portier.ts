import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type AdminJS from 'adminjs';
import type { ActionContext, ActionResponse, ComponentLoader, ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { Router } from 'express';
import type { BaseEntity, DataSource } from 'typeorm';
import { AccessService } from '../postgres/access-service.js';
import { AuditEntry, LoginEvent } from '../postgres/entities/audit.entity.js';
import { Profile } from '../postgres/entities/profile.entity.js';
import { Role } from '../postgres/entities/role.entity.js';
import { SharingDefault, SharingRule } from '../postgres/entities/sharing.entity.js';
import { Team } from '../postgres/entities/team.entity.js';
import { User } from '../postgres/entities/user.entity.js';
import type { ModuleRegistry } from '../postgres/module-registry.js';
import { hasCapability } from '../../services/actor.js';
import { accessGate } from './access-gate.js';
import { activityCounter, moduleActivity } from './activity.js';
import { dashboardHandler } from '../../console/dashboard/dashboard-handler.js';
import { moduleActions, ownerPickerProperties, registerRecordShowComponent } from './module-actions.js';
import { ownerFields } from '../postgres/module-registry.js';
import { portierRoutes } from '../../console/routes.js';
import { componentId, PORTIER_PAGES } from '../../console/pages.js';
import { securityEvents } from './security-events.js';
import { auditUserActions } from '../../console/audit/audit-ui-actions.js';
import { registerStatsComponents, statsUserActions } from '../../console/stats/stats-ui-actions.js';
import { clientUserActions, registerClientComponents } from '../../console/clients/client-ui-actions.js';
import { profileFormActions, registerProfileComponents } from '../../console/profiles/profile-ui-actions.js';
import { currentAccess } from './request-context.js';
import { ScopedResource } from './scoped-resource.js';
import { auditPolicy, loginEventPolicy, profilePolicy, rolePolicy, sharingDefaultPolicy, sharingRulePolicy, teamPolicy, userPolicy } from './setup-policies.js';
import { effectiveAccessUserActions, registerEffectiveAccessComponents } from '../../console/effective-access/effective-access-ui-actions.js';
import {
  confirmSeatsProperty,
  registerUserToolsComponents,
  USER_ADMIN_FLAG,
  USER_FREE_SEAT,
  USER_KIND,
  USER_LOGIN,
  userToolsActions,
} from '../../console/users/user-tools-ui-actions.js';
import { bulkDeleteSetupRecords, deleteSetupRecord, SetupResource, type SetupPolicy } from './setup-resource.js';
import { buildPortierRouter, type RouterOptions } from './router.js';
import type { UploadRule } from '../web/form-bodies.js';
import { configureMail, type MailSettings } from '../../services/mail/settings.js';
import { mailSettled } from '../../services/mail/delivery.js';
import { configureTimeZone } from '../../services/time-zone.js';
import { SHARING_LEVELS } from '../../core/model.js';
import { AUDIT_ACTIONS } from './locale/setup-values.js';
import { frenchTranslations } from './app-translations.js';

/** The reasons a sign-in is refused (services/auth/sign-in.ts), as the LoginEvent resource's filter offers them. */
const LOGIN_REFUSALS = ['invalidCredentials', 'tooManyRequests', 'userInactive', 'userWithoutAccess', 'outsideLoginHours', 'clientWithoutDossier'];

const here = path.dirname(fileURLToPath(import.meta.url));
/** The console's components, one folder per feature. */
const consoleDir = path.join(here, '../../console');

export interface PortierOptions {
  dataSource: DataSource;
  registry: ModuleRegistry;
  /**
   * The resources whose forms take files, by resource id, with their limits. None by default:
   * a file part in any request is refused (web/form-bodies.ts).
   */
  uploads?: Record<string, UploadRule>;
  /**
   * The app's AdminJS ComponentLoader (the one given to `new AdminJS({ componentLoader })`):
   * Portier adds its pages and fields to it here, so the resources it returns can name them.
   */
  componentLoader: ComponentLoader;
  /** How mail is sent (services/mail/settings.ts): SMTP_URL, MAIL_FROM, PORTIER_ORG_NAME and NODE_ENV by default. */
  mail?: Partial<MailSettings>;
  /**
   * The organisation's time zone (an IANA name): every date and time the interface shows is in
   * it, whatever the browser's zone. `Europe/Paris` by default.
   */
  timeZone?: string;
  /** The currency of the money columns (numeric with two decimals), ISO 4217: `EUR` by default. */
  currency?: string;
}

type Navigation = ResourceOptions['navigation'];
type Capability = Parameters<typeof hasCapability>[1];

/**
 * Portier for one app: the modules it declared put under the access model, the access set-up
 * resources, and the Express middleware that runs before AdminJS's routes.
 *
 *   const componentLoader = new ComponentLoader();
 *   const portier = createPortier({ dataSource, registry, componentLoader });
 *   new AdminJS({ componentLoader, resources: [...portier.moduleResources(), ...portier.setupResources()], pages: portier.pages, dashboard: portier.dashboard })
 */
export function createPortier(options: PortierOptions) {
  const service = new AccessService(options.dataSource, options.registry);
  configureMail(options.dataSource, options.mail ?? {});
  configureTimeZone(options.dataSource, options.timeZone);
  // Into the app's loader first, so that every resource below can name its components.
  const ui = registerComponents(options.componentLoader);
  const components = ui.fields;

  /** Forms and pages in a reading order: who and what first, then the links, the details, the history. */
  function propertyOrder(name: string): string[] {
    const spec = options.registry.get(name).spec;
    const all = options.registry.fields(options.dataSource, name).map((f) => f.property);
    const owner = ownerFields(spec);
    const head = ['reference', 'name', ...(spec.contactTypeField ? [spec.contactTypeField] : []), ...owner, ...spec.links.map((l) => l.field)];
    const tail = ['createdById', 'createdAt', 'updatedAt'];
    // The id is the database's: never shown (valueProperties).
    return [...head, ...all.filter((p) => !head.includes(p) && !tail.includes(p) && p !== 'id'), ...tail].filter((p) => all.includes(p));
  }

  const currency = options.currency ?? 'EUR';

  /**
   * How the module's values are shown: days as days (AdminJS types a date column as a date and
   * time), amounts with their currency, the reference on one line. Under the app's own options.
   */
  function valueProperties(name: string): NonNullable<ResourceOptions['properties']> {
    const out: NonNullable<ResourceOptions['properties']> = {};
    for (const f of options.registry.fields(options.dataSource, name)) {
      if (f.type === 'date') out[f.property] = { type: 'date' };
      else if ((f.type === 'numeric' || f.type === 'decimal') && f.scale === 2)
        out[f.property] = { components: { show: components.amountShow, list: components.amountList }, custom: { currency } };
    }
    out.reference = { components: { list: components.textList } };
    // The id is the database's, not the user's: the page names the record by its title and reference.
    out.id = { isVisible: false };
    return out;
  }

  function moduleResource(name: string, resourceOptions: ResourceOptions = {}): ResourceWithOptions {
    const declaration = options.registry.get(name);
    const order = propertyOrder(name);
    const values = valueProperties(name);
    const theirs = resourceOptions.properties ?? {};
    const properties = Object.fromEntries(
      [...new Set([...Object.keys(values), ...Object.keys(theirs)])].map((p) => [p, { ...(values[p] ?? {}), ...(theirs[p] ?? {}) }]),
    );
    return {
      resource: new ScopedResource(declaration.entity as typeof BaseEntity, service, name),
      options: {
        sort: { sortBy: 'updatedAt', direction: 'desc' },
        showProperties: order,
        editProperties: order.filter((p) => !['createdById', 'createdAt', 'updatedAt'].includes(p)),
        filterProperties: order,
        ...resourceOptions,
        properties: ownerPickerProperties(ownerFields(declaration.spec), properties),
        actions: moduleActions(name, resourceOptions.actions),
      },
    };
  }

  /** Gates the actions of a set-up resource by capability (reads) and by the services (writes). */
  function setupResource(
    entity: typeof BaseEntity,
    id: string,
    policy: SetupPolicy,
    write: Capability | null,
    resourceOptions: ResourceOptions,
  ): ResourceWithOptions {
    const resource = new SetupResource(entity, service, id, policy);
    const level = () => {
      const store = currentAccess();
      return store ? resource.level(store.access) : 'none';
    };
    const can = (cap: Capability | null) => () => {
      const store = currentAccess();
      return !!cap && !!store && hasCapability(store.access, cap);
    };
    // What a form sends and must never come back: AdminJS echoes the submitted params.
    const writeOnly = (response: ActionResponse) => {
      const params = (response as { record?: { params?: Record<string, unknown> } }).record?.params;
      if (params) for (const key of Object.keys(params)) if (key === 'password' || key.startsWith('password.')) delete params[key];
      return response;
    };
    return {
      resource,
      options: {
        ...resourceOptions,
        actions: mergeActions(
          {
            list: { isAccessible: () => level() === 'all' },
            show: { isAccessible: () => level() !== 'none' }, // the reference pickers show the chosen one
            search: { isAccessible: () => level() !== 'none' },
            new: { isAccessible: can(policy.create ? write : null), after: writeOnly },
            edit: { isAccessible: can(policy.update ? write : null), after: writeOnly },
            delete: { isAccessible: can(policy.delete ? write : null), handler: deleteSetupRecord },
            bulkDelete: { isAccessible: can(policy.deleteMany ? write : null), handler: bulkDeleteSetupRecords },
          },
          resourceOptions.actions ?? {},
        ) as ResourceOptions['actions'],
      },
    };
  }

  return {
    service,
    registry: options.registry,

    /** One module's resource: every AdminJS path goes through the engine. */
    moduleResource,

    moduleResources(resourceOptions: Record<string, ResourceOptions> | ((module: string) => ResourceOptions) = {}): ResourceWithOptions[] {
      return options.registry.names.map((n) => moduleResource(n, typeof resourceOptions === 'function' ? resourceOptions(n) : (resourceOptions[n] ?? {})));
    },

    /**
     * User, Profile, Role, Team, SharingRule, SharingDefault, AuditEntry, LoginEvent: resources for
     * scripts and for the pages' links, off the menu (console/menu/menu-groups.ts), whose guided
     * pages show each concept once; the users' list heads the menu's access configuration.
     */
    setupResources(o: { user?: ResourceOptions; profile?: ResourceOptions; role?: ResourceOptions; team?: ResourceOptions } = {}): ResourceWithOptions[] {
      const nav = { navigation: false as Navigation };
      const readOnly = { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } };
      return [
        setupResource(User as typeof BaseEntity, 'User', userPolicy(service), 'manageUsers', {
          ...nav,
          titleProperty: 'fullName',
          listProperties: ['login', 'fullName', 'email', 'roleId', 'status', 'isAdmin', 'company'],
          // The form in the order one fills it: who the person is, how they sign in, where they
          // work, what they may do, then what the installation keeps.
          properties: {
            id: { isVisible: false },
            passwordHash: { isVisible: false },
            firstName: { position: 10 },
            lastName: { position: 20 },
            fullName: { isVisible: { list: true, filter: true, show: false, edit: false } },
            kind: { position: 30, components: { edit: USER_KIND } },
            company: { position: 40 },
            email: { position: 50 },
            phone: { position: 60 },
            mobilePhone: { position: 70 },
            login: { position: 100, components: { edit: USER_LOGIN } },
            password: { position: 110, type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
            status: { position: 120 },
            locale: { position: 130 },
            loginHours: {
              position: 140,
              isVisible: { list: false, filter: false, show: true, edit: true },
              components: { edit: components.loginHoursEdit, show: components.loginHoursShow },
            },
            title: { position: 200 },
            department: { position: 210 },
            reportsToId: { position: 220 },
            roleId: { position: 300 },
            isAdmin: { position: 310, components: { edit: USER_ADMIN_FLAG } },
            freeSeat: { position: 320, isVisible: { list: false, filter: true, show: true, edit: true }, components: { edit: USER_FREE_SEAT } },
            freeSeatReason: { position: 330, isVisible: { list: false, filter: false, show: true, edit: true }, components: { edit: USER_FREE_SEAT } },
            // Set by the installation for its own accounts, never typed: shown, never edited (the service ignores it).
            system: { position: 400, isVisible: { list: false, filter: true, show: true, edit: false } },
            createdAt: { position: 410 },
            updatedAt: { position: 420 },
            confirmSeats: confirmSeatsProperty(),
          },
          ...o.user,
          actions: {
            ...auditUserActions(),
            ...statsUserActions(),
            ...clientUserActions(),
            ...effectiveAccessUserActions(),
            ...userToolsActions(),
            ...(o.user?.actions ?? {}),
          },
        }),
        setupResource(Profile as typeof BaseEntity, 'Profile', profilePolicy(service), 'manageAccess', {
          ...nav,
          properties: { confirmSeats: confirmSeatsProperty() },
          ...o.profile,
          actions: { ...profileFormActions(), ...(o.profile?.actions ?? {}) },
        }),
        setupResource(Role as typeof BaseEntity, 'Role', rolePolicy(service), 'manageAccess', {
          ...nav,
          properties: { profileIds: { type: 'reference', reference: 'Profile', isArray: true }, confirmSeats: confirmSeatsProperty() },
          ...o.role,
        }),
        setupResource(Team as typeof BaseEntity, 'Team', teamPolicy(service), 'manageAccess', {
          ...nav,
          properties: {
            userIds: { type: 'reference', reference: 'User', isArray: true },
            roleIds: { type: 'reference', reference: 'Role', isArray: true },
            subtreeRoleIds: { type: 'reference', reference: 'Role', isArray: true },
            teamIds: { type: 'reference', reference: 'Team', isArray: true },
          },
          ...o.team,
        }),
        setupResource(SharingRule as typeof BaseEntity, 'SharingRule', sharingRulePolicy(service), 'manageAccess', {
          ...nav,
          properties: { sentence: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false } } },
          listProperties: ['sentence', 'name', 'module', 'access'],
        }),
        setupResource(SharingDefault as typeof BaseEntity, 'SharingDefault', sharingDefaultPolicy(service), 'manageAccess', {
          ...nav,
          properties: { level: { availableValues: SHARING_LEVELS.map((v) => ({ value: v, label: v })) } },
          actions: { delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
        }),
        setupResource(AuditEntry as typeof BaseEntity, 'AuditEntry', auditPolicy(service), null, {
          ...nav,
          // Codes as words (locale/setup-values.ts), the browser as "Chrome 131 sur Windows".
          properties: {
            action: { availableValues: AUDIT_ACTIONS.map((v) => ({ value: v, label: v })) },
            actorId: { type: 'reference', reference: 'User' },
            userAgent: { components: { list: components.userAgent, show: components.userAgent } },
          },
          actions: readOnly,
          sort: { sortBy: 'at', direction: 'desc' },
        }),
        setupResource(LoginEvent as typeof BaseEntity, 'LoginEvent', loginEventPolicy(), null, {
          ...nav,
          properties: {
            reason: { availableValues: LOGIN_REFUSALS.map((v) => ({ value: v, label: v })) },
            userId: { type: 'reference', reference: 'User' },
            userAgent: { components: { list: components.userAgent, show: components.userAgent } },
          },
          actions: readOnly,
          sort: { sortBy: 'at', direction: 'desc' },
        }),
      ];
    },

    /** Portier's pages (see pages.ts), for AdminJS's `pages` option. */
    pages: ui.pages,

    dashboard: { handler: dashboardHandler(service), component: ui.dashboard },

    /**
     * AdminJS's Express router with Portier's web layer (router.ts): sessions, sign-in and
     * sign-out, the same-origin check, bodies read after authentication, the access gate,
     * Portier's routes and one error handler. Mount it at AdminJS's root path.
     */
    /** Before the app closes its DataSource: writes the module requests still counted in memory. */
    async close(): Promise<void> {
      await activityCounter(options.dataSource).flush();
      await mailSettled(options.dataSource); // the mails being sent
    },

    router(admin: AdminJS, routerOptions: RouterOptions): Router {
      // The links of mails point under AdminJS's root, at PUBLIC_URL when given.
      configureMail(options.dataSource, { rootPath: admin.options.rootPath, publicOrigin: routerOptions.publicOrigin ?? undefined }, true);
      return buildPortierRouter(admin, options.dataSource, routerOptions, {
        gate: accessGate(service, admin),
        after: [moduleActivity(service), securityEvents(options.dataSource), portierRoutes(service, () => frenchTranslations(admin))],
        uploadsFor: (resourceId) => options.uploads?.[resourceId] ?? null,
      });
    },
  };
}

export type Portier = ReturnType<typeof createPortier>;

/** Adds Portier's frontend pieces to the app's ComponentLoader; gives the ids the resources and pages name. */
function registerComponents(loader: ComponentLoader) {
  const pages: Record<string, { component: string; icon: string }> = {};
  for (const page of PORTIER_PAGES) pages[page.name] = { component: loader.add(componentId(page), path.join(consoleDir, page.file)), icon: page.icon };
  loader.override('SidebarPages', path.join(consoleDir, 'common/sidebar-pages.tsx'));
  loader.override('SidebarResourceSection', path.join(consoleDir, 'menu/portier-menu.tsx'));
  loader.override('RecordActionRoute', path.join(consoleDir, 'dead-ends/record-action-route.tsx'));
  loader.override('NoRecords', path.join(consoleDir, 'dead-ends/no-records.tsx'));
  loader.override('LoggedIn', path.join(consoleDir, 'common/logged-in.tsx'));
  loader.override('Login', path.join(consoleDir, 'common/login-page.tsx'));
  registerStatsComponents(loader);
  registerClientComponents(loader);
  registerProfileComponents(loader);
  registerEffectiveAccessComponents(loader);
  registerUserToolsComponents(loader);
  registerRecordShowComponent(loader);
  // Dates in the organisation's zone and references on one line, on every resource's pages.
  loader.override('DefaultDatetimeShowProperty', path.join(consoleDir, 'records/date-time-show.tsx'));
  loader.override('DefaultDatetimeListProperty', path.join(consoleDir, 'records/date-time-list.tsx'));
  loader.override('DefaultDatetimeEditProperty', path.join(consoleDir, 'records/date-time-edit.tsx'));
  loader.override('ActionHeader', path.join(consoleDir, 'records/action-header.tsx'));
  loader.override('DefaultReferenceValue', path.join(consoleDir, 'records/reference-value.tsx'));
  // Record pages: breadcrumbs that end with the record's title, a dash for an empty field.
  loader.override('Breadcrumbs', path.join(consoleDir, 'records/breadcrumbs.tsx'));
  for (const shown of ['DefaultShowProperty', 'DefaultReferenceShowProperty', 'DefaultTextareaShowProperty', 'DefaultCurrencyShowProperty'])
    loader.override(shown, path.join(consoleDir, 'records/show-value.tsx'));
  return {
    pages,
    dashboard: loader.add('PortierDashboard', path.join(consoleDir, 'dashboard/dashboard.tsx')),
    fields: {
      loginHoursEdit: loader.add('PortierLoginHoursEdit', path.join(consoleDir, 'users/login-hours-edit.tsx')),
      loginHoursShow: loader.add('PortierLoginHoursShow', path.join(consoleDir, 'users/login-hours-show.tsx')),
      amountShow: loader.add('PortierAmountShow', path.join(consoleDir, 'records/amount-show.tsx')),
      amountList: loader.add('PortierAmountList', path.join(consoleDir, 'records/amount-list.tsx')),
      userAgent: loader.add('PortierUserAgent', path.join(consoleDir, 'records/user-agent-value.tsx')),
      textList: loader.add('PortierTextList', path.join(consoleDir, 'records/text-list.tsx')),
    },
  };
}

/** An app's action options over Portier's, key by key: a new component for `delete` keeps Portier's check and handler. */
function mergeActions(ours: Record<string, object>, theirs: NonNullable<ResourceOptions['actions']>): Record<string, object> {
  const merged: Record<string, object> = { ...ours };
  for (const [name, action] of Object.entries(theirs)) merged[name] = { ...(ours[name] ?? {}), ...(action as object) };
  return merged;
}
export type { ActionContext };
