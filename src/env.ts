import path from 'node:path';
import { dataDir } from './db/data-dir.js';

// Imported first by every entry point: AdminJS reads ADMIN_JS_TMP_DIR when it is loaded, and
// Express 5 will not serve its bundle from a dot-folder, so it lives in a plain folder.
process.env.ADMIN_JS_TMP_DIR ??= path.join(dataDir(), 'adminjs-bundle');
