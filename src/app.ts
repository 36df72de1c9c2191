import { Database, Resource } from '@adminjs/typeorm';
import AdminJS from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import connectPgSimple from 'connect-pg-simple';
import express from 'express';
import session from 'express-session';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loginPageWithReason, portierAuthenticate, sessionGate } from '../plugin/src/adapters/adminjs/authentication.js';
import { buildLocale } from './locale/index.js';
import { buildResources } from './resources/index.js';

AdminJS.registerAdapter({ Database, Resource });

export interface AppOptions {
  dataSource: DataSource;
  databaseUrl: string;
  sessionSecret: string;
  secureCookies?: boolean;
}

/** The backoffice as an Express app: AdminJS under /admin, sessions in PostgreSQL. */
export function createApp(options: AppOptions) {
  const { dataSource } = options;
  const admin = new AdminJS({
    rootPath: '/admin',
    resources: buildResources(),
    locale: buildLocale('fr'),
    branding: { companyName: 'Portier', withMadeWithLove: false, logo: false },
  });

  const sessionPool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  sessionPool.on('error', (e) => console.error('[sessions] PostgreSQL pool error:', e.message));
  const PgStore = connectPgSimple(session);
  const sessionOptions: session.SessionOptions = {
    store: new PgStore({ pool: sessionPool, tableName: 'session', pruneSessionInterval: 15 * 60 }),
    secret: options.sessionSecret,
    name: 'portier.sid',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: !!options.secureCookies, maxAge: 10 * 60 * 60 * 1000 },
  };

  // Runs before AdminJS's own routes: the session (AdminJS's then finds it and adds none), the
  // login page with the reason a session ended, and the per-request check of the user.
  const pre = express.Router();
  pre.use(session(sessionOptions));
  pre.use(loginPageWithReason(admin));
  pre.use(sessionGate(dataSource, admin));
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    { authenticate: portierAuthenticate(dataSource), cookieName: 'portier.sid', cookiePassword: options.sessionSecret },
    pre,
    sessionOptions,
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(admin.options.rootPath, router);
  app.get('/', (_req, res) => res.redirect(admin.options.rootPath));
  return {
    app,
    admin,
    close: async () => {
      await sessionPool.end();
    },
  };
}
