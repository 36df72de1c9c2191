// Jest loads global set-up outside its module mapper: hand the TypeScript over to tsx. The package
// @portier/adminjs resolves to its sources there through NODE_OPTIONS' --conditions=portier-source (npm test).
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { globalSetup: run } = await tsImport('./database-setup.ts', import.meta.url);
  await run();
}
