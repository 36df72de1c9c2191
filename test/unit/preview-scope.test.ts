import { describe, expect, it } from '@jest/globals';
import { previewScope } from '../../plugin/src/core/preview-scope.js';
import type { AccessSetup, ProfileDef } from '../../plugin/src/core/model.js';
import type { ModuleCatalog } from '../../plugin/src/core/modules.js';

const catalog = {
  modules: [{ name: 'Deal' }, { name: 'Lead' }, { name: 'Contact', contactTypeField: 'contactType' }],
  sharingModules: [],
} as unknown as ModuleCatalog;
const commercial: ProfileDef = {
  id: 1,
  name: 'Commercial',
  audience: 'internal',
  licenseTier: 'standard',
  system: false,
  isDefault: true,
  viewAll: false,
  editAll: false,
  capabilities: [],
  modules: { Deal: { create: true, read: true, edit: true, delete: true, export: false } },
  contactScopes: {},
  fields: {},
} as ProfileDef;
const support: ProfileDef = { ...commercial, id: 2, name: 'Support', isDefault: false };
const setup = (profiles: ProfileDef[], patch: Partial<AccessSetup> = {}): AccessSetup => ({
  version: 1,
  profiles,
  roles: [{ id: 1, name: 'Ventes', parentId: null, profileIds: [1] }],
  teams: [],
  rules: [],
  defaults: { Deal: 'private' },
  teamMemberRoles: {},
  ...patch,
});

describe(previewScope.name, () => {
  it("narrows a profile's privilege change to that profile and that module", () => {
    const after = { ...commercial, modules: { Deal: { ...commercial.modules.Deal, delete: false } } };
    const scope = previewScope(setup([commercial, support]), { ...setup([after, support]), version: 2 }, catalog);
    expect(scope && { profiles: [...scope.profiles], modules: [...scope.modules] }).toEqual({ profiles: [1], modules: ['Deal'] });
  });

  it('narrows to the record actions whose privilege changes (create and export imply read)', () => {
    const actions = (after: ProfileDef) => {
      const scope = previewScope(setup([commercial]), setup([after]), catalog);
      return scope && Object.fromEntries([...scope.actions].map(([m, a]) => [m, [...a].sort()]));
    };
    const deal = commercial.modules.Deal;
    expect(actions({ ...commercial, modules: { Deal: { ...deal, delete: false } } })).toEqual({ Deal: ['delete'] });
    // Read is still implied by create: no record action changes, the module's create flag is compared.
    expect(actions({ ...commercial, modules: { Deal: { ...deal, read: false } } })).toEqual({ Deal: [] });
    expect(
      actions({ ...commercial, modules: { ...commercial.modules, Lead: { create: false, read: false, edit: false, delete: false, export: true } } }),
    ).toEqual({
      Lead: ['read'],
    });
    // A field change compiles read, where fields are compared; a contact scope, every record action.
    expect(actions({ ...commercial, fields: { Deal: { amount: 'read' } } })).toEqual({ Deal: ['read'] });
    expect(actions({ ...commercial, contactScopes: { client: 'mine' } })).toEqual({ Contact: ['delete', 'edit', 'read'] });
  });

  it('narrows a field change to its module, a contact scope change to the modules typed by contact', () => {
    const after = { ...commercial, fields: { Lead: { phone: 'read' as const } }, contactScopes: { client: 'mine' as const } };
    const scope = previewScope(setup([commercial]), setup([after]), catalog);
    expect(scope && [...scope.modules].sort()).toEqual(['Contact', 'Lead']);
  });

  it('changes no right when only the name changes', () => {
    const scope = previewScope(setup([commercial]), setup([{ ...commercial, name: 'Commerciaux' }]), catalog);
    expect(scope && { profiles: scope.profiles.size, modules: scope.modules.size }).toEqual({ profiles: 0, modules: 0 });
  });

  it.each([
    ['a global privilege', setup([{ ...commercial, viewAll: true }])],
    ['a licence tier', setup([{ ...commercial, licenseTier: 'premium' }])],
    ['the default profile', setup([{ ...commercial, isDefault: false }])],
    ["a role's profiles", setup([commercial], { roles: [{ id: 1, name: 'Ventes', parentId: null, profileIds: [1, 2] }] })],
    ['a default', setup([commercial], { defaults: { Deal: 'public_read' } })],
    ['a profile created', setup([commercial, support])],
  ])('compiles everyone when the change is %s', (_, after) => {
    expect(previewScope(setup([commercial]), after, catalog)).toBeNull();
  });
});
