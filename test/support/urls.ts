export const TEMPLATE_DB = 'portier_t_template';

/** DATABASE_URL with another database name (the server's `postgres` database by default). */
export function adminUrl(database = 'postgres'): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
