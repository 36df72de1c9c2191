// What client-profiles-routes.ts answers, as the client profile editor reads it.

/** GET /clients/profile-catalog: what a client profile may grant, tier by tier. */
export interface ClientProfileCatalog {
  actions: string[];
  /** The client tiers in price order. */
  tiers: string[];
  /** The modules with the fields whose access a client profile sets (owners and authors left out). */
  modules: { name: string; fields: string[] }[];
  /** Tier → module → the actions its maximum includes. */
  maxima: Record<string, Record<string, string[]>>;
  /** Module → action → the lowest tier that includes it, null when no client tier does. */
  reservedTo: Record<string, Record<string, string | null>>;
}
