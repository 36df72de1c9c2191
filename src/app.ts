import { Database, Resource } from '@adminjs/typeorm';
import AdminJS, { ComponentLoader } from 'adminjs';
import connectPgSimple from 'connect-pg-simple';
import express from 'express';
import session from 'express-session';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPortier, SESSION_LIFETIME_MS, type MailSettings } from '@portier/adminjs';
import { buildLocale } from './locale/index.js';
import { registry } from './modules.js';
import { moduleOptions } from './resources/module-options.js';
import { webSettings, type WebSettings } from './web/web-settings.js';

AdminJS.registerAdapter({ Database, Resource });

export interface AppOptions {
  dataSource: DataSource;
  databaseUrl: string;
  sessionSecret: string;
  /** PUBLIC_URL and PORTIER_TRUST_PROXY (web/web-settings.ts); from the environment by default. */
  web?: WebSettings;
  /** Resources whose forms take files (none in the demo): see PortierOptions.uploads. */
  uploads?: Parameters<typeof createPortier>[0]['uploads'];
  /** Another module registry (the demo's ten modules by default): how a test adds a module. */
  modules?: typeof registry;
  /** How mail is sent: SMTP_URL, MAIL_FROM, PORTIER_ORG_NAME from the environment by default (README, "Mail"). */
  mail?: Partial<MailSettings>;
  /** The organisation's time zone: PORTIER_TIME_ZONE, else Europe/Paris (README, "Configuration"). */
  timeZone?: string;
}

const crm = { name: 'crm', icon: 'Briefcase' };

/** The backoffice as an Express app: AdminJS under /admin with Portier, sessions in PostgreSQL. */
export function createApp(options: AppOptions) {
  const web = options.web ?? webSettings();
  const componentLoader = new ComponentLoader();
  const portier = createPortier({
    dataSource: options.dataSource,
    registry: options.modules ?? registry,
    uploads: options.uploads,
    componentLoader,
    mail: options.mail,
    timeZone: options.timeZone ?? (process.env.PORTIER_TIME_ZONE?.trim() || undefined),
  });
  const admin = new AdminJS({
    rootPath: '/admin',
    componentLoader,
    resources: [...portier.moduleResources((m) => ({ navigation: crm, ...moduleOptions(m) })), ...portier.setupResources()],
    dashboard: portier.dashboard,
    pages: portier.pages,
    // The front end starts in the signed-in user's language (their `locale`, kept in the session).
    locale: (currentAdmin) => buildLocale(currentAdmin?.locale === 'en' ? 'en' : 'fr'),
    branding: { companyName: 'Portier', withMadeWithLove: false, logo: false },
  });

  const sessionPool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  sessionPool.on('error', (e) => console.error('[sessions] PostgreSQL pool error:', e.message));
  const PgStore = connectPgSimple(session);
  const store = new PgStore({ pool: sessionPool, tableName: 'session', pruneSessionInterval: 15 * 60 });
  const sessionOptions: session.SessionOptions = {
    store,
    secret: options.sessionSecret,
    name: 'portier.sid',
    resave: false,
    saveUninitialized: false,
    // `Secure` whenever the request came over HTTPS (behind a proxy: one PORTIER_TRUST_PROXY believes),
    // so that the demo over plain http://localhost still signs in.
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_LIFETIME_MS },
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('case sensitive routing', true); // paths as written, as the web layer's checks read them (web/routers.ts)
  app.set('trust proxy', web.trustProxy);
  app.use(admin.options.rootPath, portier.router(admin, { session: sessionOptions, publicOrigin: web.publicOrigin }));
  app.get('/', (_req, res) => res.redirect(admin.options.rootPath));
  // Outside the backoffice: a French page, not Express's "Cannot GET" (the router answers its own paths).
  app.use((_req, res) => res.status(404).type('text').send('Page introuvable.'));
  return {
    app,
    admin,
    portier,
    close: async () => {
      await portier.close(); // the module requests still counted in memory
      await store.close(); // its pruning stops; the pool is ours to end
      await sessionPool.end();
    },
  };
}
