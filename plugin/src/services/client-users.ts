import type { AccessService } from '../adapters/postgres/access-service.js';
import { invalidIn, requireCapability } from '../core/refusals.js';
import type { DossierGrantInput } from './dossier-grants.js';
import { freeLogin } from './first-credentials.js';
import type { SeatOptions } from './seats.js';
import { createUser } from './user-writes.js';
import type { ServiceContext } from './context.js';

/** "Nouveau client" (docs/client-access.md, "Créer un client"): who they are and their dossiers. */
export interface ClientUserInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  /** The client's company, as the connection statistics group users by it. */
  company?: string | null;
  /** Proposed from the names when left out ("h.morel", "h.morel2"…). */
  login?: string | null;
  locale?: 'fr' | 'en';
  dossiers?: DossierGrantInput[];
}

export interface CreatedClientUser {
  id: number;
  login: string;
  /** Where the invitation went: a one-time link to choose their password (no password is shown to anyone). */
  invitedAddress: string;
}

/** The login the form proposes from the names (the organisation's habit, numbered when taken). */
export async function proposedLogin(service: AccessService, firstName: string, lastName: string): Promise<string> {
  return freeLogin(service.ds.manager, firstName, lastName);
}

/**
 * A client user with their dossiers, in one transaction through createUser (its seat guard,
 * delegation checks, audit entry naming the user and each dossier). The names are required here:
 * a client is known by them on every screen and in the login proposed from them.
 */
export async function createClientUser(
  service: AccessService,
  ctx: ServiceContext,
  input: ClientUserInput,
  options: SeatOptions = {},
): Promise<CreatedClientUser> {
  requireCapability(ctx.actor, 'manageUsers');
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  if (!firstName) throw invalidIn({ fr: 'Prénom : obligatoire.', en: 'First name: required.' }, 'firstName');
  if (!lastName) throw invalidIn({ fr: 'Nom : obligatoire.', en: 'Last name: required.' }, 'lastName');
  const email = input.email?.trim() ?? '';
  if (!email)
    throw invalidIn(
      { fr: 'E-mail : obligatoire (le client y reçoit ses accès).', en: 'E-mail: required (the client receives their sign-in details there).' },
      'email',
    );
  if (!input.dossiers?.length)
    throw invalidIn(
      {
        fr: 'Dossiers : ajoutez au moins un dossier (un compte et son profil) ; un client sans dossier ne peut pas se connecter.',
        en: 'Dossiers: add at least one dossier (an account and its profile); a client with no dossier cannot sign in.',
      },
      'dossiers',
    );
  const login = input.login?.trim() || (await proposedLogin(service, firstName, lastName));
  const id = await createUser(
    service,
    ctx,
    {
      kind: 'client',
      login,
      email,
      firstName,
      lastName,
      company: input.company?.trim() || null,
      locale: input.locale,
      status: 'active',
      dossiers: input.dossiers,
    },
    options,
  );
  return { id, login, invitedAddress: email };
}
