// Jest loads global set-up outside its module mapper: hand the TypeScript over to tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { globalSetup: run } = await tsImport('./database-setup.ts', import.meta.url);
  await run();
}
