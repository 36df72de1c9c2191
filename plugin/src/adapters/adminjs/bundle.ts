import type AdminJS from 'adminjs';
import { ADMIN_JS_TMP_DIR, componentsBundler, generateUserComponentEntry } from 'adminjs/bundler';

/**
 * Bundles the custom components once at start-up, before the app listens, in development as in
 * production, so that the first page served has them and a bundle left in the data folder by an
 * older version is never served. (AdminJS would otherwise bundle lazily in development, and in
 * production while the app already answers: Portier's router does not start that one.)
 */
export async function bundleComponents(admin: AdminJS): Promise<void> {
  // A server that answers the API only (the security tests' servers) leaves it to AdminJS, which
  // bundles on the first page it serves: it starts in a few seconds instead of twenty.
  // Never in production: there AdminJS only serves the bundle from disk.
  if (process.env.PORTIER_BUNDLE === 'lazy' && process.env.NODE_ENV !== 'production') return;
  await componentsBundler.createEntry({ content: generateUserComponentEntry(admin, ADMIN_JS_TMP_DIR) });
  await componentsBundler.build();
}
