/** Portier: access control for AdminJS backoffices. The plugin's public face. */
export * from './core/model.js';
export * from './core/modules.js';
export * from './core/login-hours.js';
export * from './core/password-policy.js';
export * from './core/license-tiers.js';
export * from './adapters/typeorm/entities/index.js';
export { accessMigrations } from './adapters/typeorm/migrations/index.js';
export { SnakeNamingStrategy } from './adapters/typeorm/snake-naming.strategy.js';
export * from './adapters/typeorm/module-registry.js';
export * from './adapters/typeorm/system-profiles.js';
import './adapters/typeorm/pg-types.js';
export * from './adapters/auth/passwords.js';
export { importOrg, type ImportSummary, type ImportProgress } from './org/import.js';
export { exportOrg } from './org/export.js';
export { OrgFileError, formatError, type OrgError } from './org/json-path.js';
export * from './adapters/auth/sign-in.js';
