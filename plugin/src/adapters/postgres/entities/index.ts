import { AuditEntry, LoginEvent } from './audit.entity.js';
import { Profile } from './profile.entity.js';
import { Role } from './role.entity.js';
import { SharingDefault, SharingRule } from './sharing.entity.js';
import { Team } from './team.entity.js';
import { User } from './user.entity.js';

export { AuditEntry, LoginEvent, Profile, Role, SharingDefault, SharingRule, Team, User };

/** The plugin's entities, to add to the app's DataSource. */
export const accessEntities = [User, Profile, Role, Team, SharingDefault, SharingRule, AuditEntry, LoginEvent];
