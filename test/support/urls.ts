/** One id per `npm test` run, so that runs side by side never touch each other's databases. */
export const RUN_ID = (process.env.PORTIER_TEST_RUN ??= Math.random().toString(36).slice(2, 8));
export const DB_PREFIX = `portier_t_${RUN_ID}_`;
export const TEMPLATE_DB = `${DB_PREFIX}template`;

/** DATABASE_URL with another database name (the server's `postgres` database by default). */
export function adminUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
