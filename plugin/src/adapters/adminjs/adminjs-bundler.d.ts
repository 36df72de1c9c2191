// adminjs exports its bundler (package.json "./bundler") without type declarations.
declare module 'adminjs/bundler' {
  export const ADMIN_JS_TMP_DIR: string;
  export const componentsBundler: { createEntry(o: { content: string }): Promise<void>; build(): Promise<void> };
  export function generateUserComponentEntry(admin: unknown, tmpDir: string): string;
}
