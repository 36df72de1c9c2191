import type { ComponentLoader, ResourceOptions } from 'adminjs';

export function registerUserToolsComponents(_loader: ComponentLoader): void {}

export function userToolsActions(): NonNullable<ResourceOptions['actions']> {
  return {};
}
