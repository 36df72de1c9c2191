import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentLoader, ResourceOptions } from 'adminjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REDIRECT = 'PortierProfileRedirect';

export function registerProfileComponents(loader: ComponentLoader): void {
  loader.add(REDIRECT, path.join(here, 'profile-redirect.tsx'));
}

/**
 * The Profile resource's forms in the browser open Portier's profile editors instead
 * (profile-redirect.tsx). Only the component changes: the actions' checks and handlers stay
 * Portier's (the API still answers, through the same profile service).
 */
export function profileFormActions(): NonNullable<ResourceOptions['actions']> {
  return {
    new: { component: REDIRECT },
    edit: { component: REDIRECT },
    show: { component: REDIRECT },
  };
}
