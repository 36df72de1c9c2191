// What clients-routes.ts answers, as "Accès clients" and a client user's "Dossiers clients" read it.

/** A client profile, with how many users and (user, dossier) pairs hold it. */
export interface ClientProfile {
  id: number;
  name: string;
  tier: string;
  isDefault: boolean;
  system: boolean;
  description: string | null;
  priceLevel: number;
  users: number;
  pairs: number;
  /** Module → action → allowed. */
  modules?: Record<string, Record<string, boolean>>;
  /** Module → field → access (`write` when missing). */
  fields?: Record<string, Record<string, string>>;
}

/** A client user's grant: an Account (its reference, its name when the viewer may read it) and the profile on it. */
export interface Dossier {
  accountId: number;
  account: string;
  accountName: string | null;
  profileId: number;
  profile: string;
}

export interface ClientUser {
  id: number;
  login: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  dossiers: Dossier[];
}
