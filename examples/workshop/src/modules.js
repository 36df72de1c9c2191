import { ModuleRegistry } from '@portier/adminjs';
import { Job, Machine, Part } from './entities.js';

/** The workshop's modules under Portier: all the access model needs to know of them. */
const assigned = { kind: 'userOrTeam', userField: 'ownerUserId', teamField: 'ownerTeamId' };

export const registry = new ModuleRegistry(
  [
    { entity: Machine, spec: { name: 'Machine', owner: assigned, links: [], sharingModule: 'Machine' } },
    { entity: Part, spec: { name: 'Part', owner: { kind: 'none' }, links: [] } }, // a catalogue
    { entity: Job, spec: { name: 'Job', owner: assigned, links: [{ field: 'machineId', module: 'Machine' }], sharingModule: 'Job' } },
  ],
  [
    { name: 'Machine', label: { fr: 'machines', feminine: true, en: 'machines' } },
    { name: 'Job', label: { fr: 'travaux', feminine: false, en: 'jobs' } },
  ],
);
