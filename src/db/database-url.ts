import { dataDir } from './data-dir.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  url: string;
  embedded: boolean;
  /** Releases the embedded server if this process started it. */
  release(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under $PORTIER_DATA_DIR. */
export async function resolveDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, release: async () => {} };
  }
  const server = await startEmbeddedPostgres(dataDir());
  return { url: server.url, embedded: true, release: server.stop };
}
