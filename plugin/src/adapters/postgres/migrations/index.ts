import { AccessSetup1732300000000 } from './1732300000000-access-setup.js';
import { UserFullName1732300002000 } from './1732300002000-user-full-name.js';
import { AuditChain1732300004000 } from './1732300004000-audit-chain.js';
import { ModuleActivity1732300005000 } from './1732300005000-module-activity.js';
import { DossierGrants1732300006000 } from './1732300006000-dossier-grants.js';
import { SeatsAndRequests1732300008000 } from './1732300008000-seats-and-requests.js';
import { FreeSeatCovers1732300016000 } from './1732300016000-free-seat-covers.js';
import { SessionEpoch1732300017000 } from './1732300017000-session-epoch.js';
import { AuthAttempts1732300017100 } from './1732300017100-auth-attempts.js';
import { AuditSeal1732300017200 } from './1732300017200-audit-seal.js';
import { AuditCanonicalSeal1732300017300 } from './1732300017300-audit-canonical-seal.js';
import { SessionsEndWithAccess1732300017400 } from './1732300017400-sessions-end-with-access.js';
import { OwnerCounters1732300019000 } from './1732300019000-owner-counters.js';
import { MailAndLinks1732300020000 } from './1732300020000-mail-and-links.js';
import { AccessRequestMapping1732300020300 } from './1732300020300-access-request-mapping.js';
import { SubscriptionChanges1732300020310 } from './1732300020310-subscription-changes.js';
import { LinksEndWithCredentials1732300020400 } from './1732300020400-links-end-with-credentials.js';
import { UserSearch1732300021000 } from './1732300021000-user-search.js';
import { BillingCauseCodes1732300021300 } from './1732300021300-billing-cause-codes.js';

/** The plugin's migrations, to list before the app's own in its DataSource. */
export const accessMigrations = [
  AccessSetup1732300000000,
  UserFullName1732300002000,
  AuditChain1732300004000,
  ModuleActivity1732300005000,
  DossierGrants1732300006000,
  SeatsAndRequests1732300008000,
  FreeSeatCovers1732300016000,
  SessionEpoch1732300017000,
  AuthAttempts1732300017100,
  AuditSeal1732300017200,
  AuditCanonicalSeal1732300017300,
  SessionsEndWithAccess1732300017400,
  OwnerCounters1732300019000,
  MailAndLinks1732300020000,
  AccessRequestMapping1732300020300,
  SubscriptionChanges1732300020310,
  LinksEndWithCredentials1732300020400,
  UserSearch1732300021000,
  BillingCauseCodes1732300021300,
];
