import { clientProfileExcess, clientRightsBeyondTier, rightsBeyondTier, isTierOfAudience } from '../core/license-tiers.js';
import {
  CAPABILITIES,
  CONTACT_SCOPES,
  CONTACT_TYPES,
  FIELD_ACCESS,
  MODULE_ACTIONS,
  type Capability,
  type ContactScopes,
  type FieldAccessMap,
  type LicenseTier,
  type ModulePrivileges,
  type ProfileAudience,
} from '../core/model.js';
import type { AccessService } from '../adapters/postgres/access-service.js';
import { adminPlaneRefusal } from '../core/refusal.js';
import { CAPABILITY_LABELS, CAPABILITY_LABELS_EN } from '../core/capabilities.js';
import { assertKeepsOwnAdministration, capabilitiesOf } from '../adapters/postgres/safeguards.js';
import { ADMINISTRATOR_PROFILE, isClientSystemProfile } from '../adapters/postgres/system-profiles.js';
import { auditSetup, snapshot } from './actor.js';
import { countEn, countFr, invalidIn, missingIn, refuseIn, requireCapability, safeguardIn } from '../core/refusals.js';
import { seatGuarded, type SeatCause } from './seats.js';
import { delegated } from './delegation.js';
import { freeName } from './setup-names.js';
import type { ServiceContext } from './context.js';

/** The row read before the change, as the snapshot shape (without timestamps). */
const snapshotOf = async (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'updated_at'));

export interface ProfileInput {
  name?: string;
  description?: string;
  isDefault?: boolean;
  audience?: ProfileAudience;
  licenseTier?: LicenseTier;
  viewAll?: boolean;
  editAll?: boolean;
  capabilities?: Capability[];
  modules?: ModulePrivileges;
  contactScopes?: ContactScopes;
  fields?: FieldAccessMap;
}

function validateShape(service: AccessService, p: ProfileInput): void {
  const modules = service.registry.names;
  for (const [m, privileges] of Object.entries(p.modules ?? {})) {
    if (!modules.includes(m)) throw invalidIn({ fr: `Module inconnu : ${m}.`, en: `Unknown module: ${m}.` }, 'modules');
    for (const a of Object.keys(privileges))
      if (!(MODULE_ACTIONS as readonly string[]).includes(a)) throw invalidIn({ fr: `Action inconnue : ${a}.`, en: `Unknown action: ${a}.` }, 'modules');
  }
  for (const c of p.capabilities ?? [])
    if (!(CAPABILITIES as readonly string[]).includes(c))
      throw invalidIn({ fr: `Droit d'administration inconnu : ${c}.`, en: `Unknown administration right: ${c}.` }, 'capabilities');
  for (const [t, s] of Object.entries(p.contactScopes ?? {})) {
    if (!(CONTACT_TYPES as readonly string[]).includes(t) || !(CONTACT_SCOPES as readonly string[]).includes(s as string))
      throw invalidIn({ fr: `Portée de contacts invalide : ${t} = ${s}.`, en: `Invalid contact scope: ${t} = ${s}.` }, 'contactScopes');
  }
  for (const [m, fields] of Object.entries(p.fields ?? {})) {
    if (!modules.includes(m)) throw invalidIn({ fr: `Module inconnu : ${m}.`, en: `Unknown module: ${m}.` }, 'fields');
    const known = service.registry.fields(service.ds, m).map((f) => f.property);
    for (const [f, level] of Object.entries(fields)) {
      if (!known.includes(f)) throw invalidIn({ fr: `Champ inconnu : ${m}.${f}.`, en: `Unknown field: ${m}.${f}.` }, 'fields');
      if (!(FIELD_ACCESS as readonly string[]).includes(level))
        throw invalidIn({ fr: `Accès au champ invalide : ${m}.${f} = ${level}.`, en: `Invalid field access: ${m}.${f} = ${level}.` }, 'fields');
    }
  }
}

const normalise = (modules: ModulePrivileges) =>
  Object.fromEntries(Object.entries(modules).map(([m, p]) => [m, Object.fromEntries(MODULE_ACTIONS.map((a) => [a, !!p[a]]))]));

/** Creates (id null) or changes a profile, with the tier bounds and the safeguards. */
export async function saveProfile(service: AccessService, ctx: ServiceContext, id: number | null, input: ProfileInput): Promise<number> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  validateShape(service, input);
  let cause: SeatCause = { change: 'profileTier', said: { code: 'profileChanged', id } };
  return seatGuarded(
    service,
    ctx,
    () => cause,
    (m) =>
      delegated(m, ua, async () => {
        const [current] = id === null ? [null] : await m.query(`SELECT * FROM profile WHERE id = $1 FOR UPDATE`, [id]);
        if (id !== null && !current) throw missingIn({ fr: `Aucun profil n° ${id}.`, en: `No profile #${id}.` });
        const merged = {
          name: input.name === undefined && current ? (current.name as string) : await freeName(m, 'profile', input.name ?? '', id),
          audience: (input.audience ?? current?.audience ?? 'internal') as ProfileAudience,
          licenseTier: (input.licenseTier ?? current?.license_tier ?? 'standard') as LicenseTier,
          viewAll: input.viewAll ?? current?.view_all ?? false,
          editAll: input.editAll ?? current?.edit_all ?? false,
          capabilities: input.capabilities ?? current?.capabilities ?? [],
          modules: input.modules ? normalise(input.modules) : (current?.modules ?? {}),
          contactScopes: input.contactScopes ?? current?.contact_scopes ?? {},
          fields: input.fields ?? current?.fields ?? {},
        };
        cause = {
          change: 'profileTier',
          said: { code: 'profileTier', profile: merged.name, from: current?.license_tier ?? null, to: merged.licenseTier },
        };
        if (current?.name === ADMINISTRATOR_PROFILE) {
          if (merged.name !== ADMINISTRATOR_PROFILE)
            throw safeguardIn(
              { fr: 'Le profil prédéfini Administrateur ne se renomme pas.', en: 'The predefined Administrator profile is not renamed.' },
              'name',
            );
          const missing = CAPABILITIES.filter((c) => !merged.capabilities.includes(c));
          if (missing.length)
            throw safeguardIn(
              {
                fr: `Le profil Administrateur garde tous les droits d'administration (manquants : ${missing.map((c) => `« ${CAPABILITY_LABELS[c]} »`).join(', ')}).`,
                en: `The Administrator profile keeps every administration right (missing: ${missing.map((c) => `"${CAPABILITY_LABELS_EN[c]}"`).join(', ')}).`,
              },
              'capabilities',
            );
        }
        // The four predefined client profiles define their tier: a consultant duplicates one to restrict it.
        // (Only the default star may move onto one: it is not part of what the profile grants.)
        const onlyTheStar = Object.entries(input).every(([k, v]) => k === 'isDefault' || v === undefined);
        if (current && isClientSystemProfile(current.name) && !onlyTheStar) {
          throw safeguardIn({
            fr: `Le profil prédéfini ${current.name} définit son niveau de licence et ne se modifie pas : dupliquez-le pour le restreindre (la copie garde son niveau et son prix).`,
            en: `The predefined profile ${current.name} defines its licence tier and is not changed: duplicate it to restrict it (the copy keeps its tier and price).`,
          });
        }
        if (current && current.audience !== merged.audience)
          throw refuseIn(
            { fr: "Le public d'un profil (interne ou client) ne change pas.", en: "A profile's audience (internal or client) does not change." },
            'audience',
          );
        if (!isTierOfAudience(merged.licenseTier, merged.audience))
          throw invalidIn(
            {
              fr: `« ${merged.licenseTier} » n'est pas un niveau de licence des profils ${merged.audience === 'client' ? 'clients' : 'internes'}.`,
              en: `"${merged.licenseTier}" is not a licence tier of ${merged.audience === 'client' ? 'client' : 'internal'} profiles.`,
            },
            'licenseTier',
          );
        const forbidden = merged.audience === 'client' ? clientProfileExcess(merged) : [];
        if (forbidden.length) throw adminPlaneRefusal({ code: 'clientProfileRights', rights: forbidden }, { property: 'capabilities' });
        // A client right past the tier is bad input for that profile (400), named in words with the tier that includes it.
        const beyond = merged.audience === 'client' ? clientRightsBeyondTier(merged, service.registry.catalog) : [];
        if (beyond.length)
          throw adminPlaneRefusal({ code: 'clientTierExcess', tier: merged.licenseTier, rights: beyond }, { kind: 'invalid', property: 'modules' });
        const excess = rightsBeyondTier(merged, service.registry.catalog);
        if (excess.length)
          throw refuseIn(
            {
              fr: `Ce profil donne plus que son niveau de licence « ${merged.licenseTier} » ne le permet : ${excess.join(', ')}.`,
              en: `This profile grants more than its licence tier "${merged.licenseTier}" allows: ${excess.join(', ')}.`,
            },
            'licenseTier',
          );
        const before = (await capabilitiesOf(m, ua.user.id)).capabilities;
        if (input.isDefault)
          await m.query(`UPDATE profile SET is_default = false WHERE audience = $1 AND is_default AND id IS DISTINCT FROM $2`, [merged.audience, id]);
        const values = [
          merged.name,
          input.description ?? current?.description ?? '',
          input.isDefault ?? current?.is_default ?? false,
          merged.audience,
          merged.licenseTier,
          merged.viewAll,
          merged.editAll,
          merged.capabilities,
          JSON.stringify(merged.modules),
          JSON.stringify(merged.contactScopes),
          JSON.stringify(merged.fields),
        ];
        let savedId = id;
        if (id === null) {
          const [row] = await m.query(
            `INSERT INTO profile (name, description, is_default, audience, license_tier, view_all, edit_all, capabilities, modules, contact_scopes, fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            values,
          );
          savedId = row.id;
        } else {
          await m.query(
            `UPDATE profile SET name = $1, description = $2, is_default = $3, audience = $4, license_tier = $5, view_all = $6, edit_all = $7,
           capabilities = $8, modules = $9, contact_scopes = $10, fields = $11, updated_at = now() WHERE id = $12`,
            [...values, id],
          );
        }
        await assertKeepsOwnAdministration(m, ua.user.id, before);
        await auditSetup(
          m,
          ctx,
          id === null ? 'create' : 'update',
          'Profile',
          savedId!,
          merged.name,
          current ? await snapshotOf(current) : null,
          await snapshot(m, 'profile', savedId!),
        );
        return savedId!;
      }),
  );
}

/** Deleting a profile still in use names the profile that replaces it in every role that holds it. */
export async function deleteProfile(service: AccessService, ctx: ServiceContext, id: number, replacementId: number | null): Promise<void> {
  const ua = ctx.actor;
  requireCapability(ua, 'manageAccess');
  await seatGuarded(service, ctx, { change: 'roleProfiles', said: { code: 'profileDeleted', id, replacementId } }, (m) =>
    delegated(m, ua, async () => {
      const [profile] = await m.query(`SELECT id, name, system, audience FROM profile WHERE id = $1 FOR UPDATE`, [id]);
      if (!profile) throw missingIn({ fr: `Aucun profil n° ${id}.`, en: `No profile #${id}.` });
      if (profile.system)
        throw safeguardIn({
          fr: `Le profil ${profile.name} est un profil système : il ne peut pas être supprimé.`,
          en: `The profile ${profile.name} is a system profile: it cannot be deleted.`,
        });
      const roles = await m.query(`SELECT r.name FROM role_profile rp JOIN role r ON r.id = rp.role_id WHERE rp.profile_id = $1`, [id]);
      const before = (await capabilitiesOf(m, ua.user.id)).capabilities;
      const [{ grants }] = await m.query(`SELECT count(*)::int AS grants FROM dossier_grant WHERE profile_id = $1`, [id]);
      if (grants && !replacementId)
        throw invalidIn(
          {
            fr: `Le profil ${profile.name} est celui de ${countFr(grants, 'dossier client', 'dossiers clients')} : désignez le profil client qui le remplace.`,
            en: `The profile ${profile.name} is that of ${countEn(grants, 'client dossier')}: choose the client profile that replaces it.`,
          },
          'replacementId',
        );
      if (grants) {
        const [replacement] = await m.query(`SELECT id, audience FROM profile WHERE id = $1`, [replacementId]);
        if (!replacement || replacement.id === id || replacement.audience !== 'client')
          throw invalidIn({ fr: `Aucun autre profil client n° ${replacementId}.`, en: `No other client profile #${replacementId}.` }, 'replacementId');
        await m.query(`UPDATE dossier_grant SET profile_id = $2 WHERE profile_id = $1`, [id, replacementId]);
      }
      if (roles.length) {
        if (!replacementId)
          throw invalidIn(
            {
              fr: `Le profil ${profile.name} est utilisé par ${roles.map((r: { name: string }) => r.name).join(', ')} : désignez le profil qui le remplace.`,
              en: `The profile ${profile.name} is used by ${roles.map((r: { name: string }) => r.name).join(', ')}: choose the profile that replaces it.`,
            },
            'replacementId',
          );
        const [replacement] = await m.query(`SELECT id, audience FROM profile WHERE id = $1`, [replacementId]);
        if (!replacement || replacement.id === id || replacement.audience !== profile.audience)
          throw invalidIn(
            {
              fr: `Aucun autre profil ${profile.audience === 'client' ? 'client' : 'interne'} n° ${replacementId}.`,
              en: `No other ${profile.audience === 'client' ? 'client' : 'internal'} profile #${replacementId}.`,
            },
            'replacementId',
          );
        await m.query(`INSERT INTO role_profile (role_id, profile_id) SELECT role_id, $2 FROM role_profile WHERE profile_id = $1 ON CONFLICT DO NOTHING`, [
          id,
          replacementId,
        ]);
      }
      const was = await snapshot(m, 'profile', id);
      await m.query(`DELETE FROM role_profile WHERE profile_id = $1`, [id]);
      await m.query(`DELETE FROM profile WHERE id = $1`, [id]);
      await auditSetup(m, ctx, 'delete', 'Profile', id, profile.name, was, replacementId ? { replacementId } : null);
      await assertKeepsOwnAdministration(m, ua.user.id, before);
    }),
  );
}
