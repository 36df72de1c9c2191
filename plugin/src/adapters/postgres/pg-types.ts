import pg from 'pg';

// PostgreSQL `date` values stay 'YYYY-MM-DD' strings: a JS Date at local midnight shifts them
// by a day in some time zones. Bigint counts (`count(*)`) come back as numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));
