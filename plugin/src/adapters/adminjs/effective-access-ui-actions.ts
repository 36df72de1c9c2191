import type { ComponentLoader, ResourceOptions } from 'adminjs';

export function registerEffectiveAccessComponents(_loader: ComponentLoader): void {}

export function effectiveAccessUserActions(): NonNullable<ResourceOptions['actions']> {
  return {};
}
