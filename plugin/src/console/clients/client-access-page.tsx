import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import {
  Badge,
  Box,
  Button,
  H2,
  H4,
  Input,
  Label,
  Loader,
  MessageBox,
  Pagination,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import { UserPicker, type Found } from '../common/search-pickers.js';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { accountLabel, Choice } from './client-choice.js';
import { Compare } from './client-profile-compare.js';
import { DossierEditor } from './dossier-editor.js';
import { NewClientForm, type CreatedClient } from './new-client-form.js';
import type { ClientProfile, ClientUser } from './clients-types.js';
import { ClientProfileEditor } from '../client-profiles/client-profile-editor.js';
import { RightsSummary } from '../client-profiles/rights-summary.js';
import { AllRightsTable } from '../client-profiles/all-rights-table.js';
import type { ClientProfileCatalog } from '../client-profiles/client-profiles-types.js';

// A tier is a price, not a state: no red ("danger" reads as an error), neutral outlines only.
const TIER_COLOURS: Record<string, 'info' | 'primary' | 'success' | 'secondary'> = {
  connect: 'info',
  invoicing: 'primary',
  accounting: 'success',
  commercial: 'secondary',
};

/** A (user, dossier) pair holding a profile (GET /clients/profiles/:id/users). */
interface Pair {
  userId: number;
  accountId: number;
  login: string;
  account: string;
}

/** "Transférer un utilisateur (avancé)": the user, then the dossier, then the profile. */
interface Move {
  user: Found | null;
  account: number | null;
  profile: number | null;
}

/**
 * "Accès clients": the client profiles by licence tier (price level, users as (user, dossier)
 * pairs, "Transférer tous les utilisateurs"), and the client users with their dossiers
 * ("Transférer un utilisateur (avancé)": the user, then the dossier, then the profile).
 */
const ClientAccessPage = () => {
  const { translateMessage: tm, translateLabel: tl, translateProperty: tp } = useTranslation();
  const [profiles, setProfiles] = useState<ClientProfile[] | null>(null);
  // A page of the client users (50, clients-routes.ts), searched on the server; the total of the search.
  const [users, setUsers] = useState<ClientUser[]>([]);
  const [usersTotal, setUsersTotal] = useState(0);
  const [usersPage, setUsersPage] = useState(1);
  const [search, setSearch] = useState('');
  const [perPage, setPerPage] = useState(50);
  // The transfer's user, read alone with their dossiers once chosen in the searchable picker.
  const [chosenUser, setChosenUser] = useState<ClientUser | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [pairs, setPairs] = useState<Pair[]>([]);
  const [target, setTarget] = useState<number | null>(null);
  const [move, setMove] = useState<Move>({ user: null, account: null, profile: null });
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  // "Nouveau client" opens at once when asked for by the user form's link (?nouveau=1).
  const [creating, setCreating] = useState(() => typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('nouveau'));
  const [created, setCreated] = useState<CreatedClient | null>(null);
  // The client profile editor (manageAccess: the catalog answers only then), and "Tout afficher".
  // `?profile=<id>` opens it: where the Profile resource's forms send a client profile.
  const [catalog, setCatalog] = useState<ClientProfileCatalog | null>(null);
  const [editingProfile, setEditingProfile] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('profile')) || null);
  const [showAll, setShowAll] = useState(false);
  // Transfers move dossiers to another tier: each shows its seat warning where it was asked for.
  const seatsAll = useSeatConfirm();
  const seatsOne = useSeatConfirm();

  const loadUsers = async (page = usersPage, text = search) => {
    const u = await portierFetch(`/clients/users?page=${page}${text ? `&q=${encodeURIComponent(text)}` : ''}`);
    if (u.status !== 200) return;
    setUsers(u.body.users ?? []);
    setUsersTotal(u.body.total ?? 0);
    setPerPage(u.body.perPage ?? 50);
  };
  const load = async () => {
    const [p, c] = await Promise.all([portierFetch('/clients/profiles'), portierFetch('/clients/profile-catalog'), loadUsers()]);
    if (p.status !== 200) return setOutcome({ ok: false, message: p.body.message });
    setCatalog(c.status === 200 ? (c.body as ClientProfileCatalog) : null);
    setProfiles(p.body.profiles);
    if (move.user) void chooseUser(move.user);
  };
  const chooseUser = async (user: Found | null) => {
    setMove({ user, account: null, profile: null });
    setChosenUser(null);
    if (!user) return;
    const r = await portierFetch(`/clients/users?id=${user.value}`);
    setChosenUser(r.status === 200 ? (r.body.users?.[0] ?? null) : null);
  };
  useEffect(() => {
    load();
  }, []);
  // A new search or page: asked of the server a moment after the last keystroke.
  useEffect(() => {
    const timer = setTimeout(() => void loadUsers(usersPage, search), 250);
    return () => clearTimeout(timer);
  }, [usersPage, search]);
  useEffect(() => {
    if (open) portierFetch(`/clients/profiles/${open}/users`).then((r) => setPairs(r.body.pairs ?? []));
  }, [open, profiles]);
  if (!profiles) return outcome ? <MessageBox variant="danger" message={outcome.message} /> : <Loader />;

  const profileOptions = (except: number | null) =>
    profiles.filter((p) => p.id !== except).map((p) => ({ value: p.id, label: `${p.name} (${tm(`tier_${p.tier}`)})` }));
  const done = async (r: ApiResponse | null) => {
    if (!r) return; // the seat warning was cancelled: nothing changed
    setOutcome({ ok: r.status === 200, message: r.body.message });
    if (r.status === 200) await load();
  };
  const transferAll = async () => done(await seatsAll.send(`/clients/profiles/${open}/transfer`, { method: 'POST', body: JSON.stringify({ to: target }) }));
  // "Dupliquer pour restreindre": the copy (same tier and price) opens in the editor at once.
  const duplicate = async (p: ClientProfile) => {
    const r = await portierFetch(`/clients/profiles/${p.id}/duplicate`, { method: 'POST', body: JSON.stringify({}) });
    await done(r);
    if (r.status === 200) setEditingProfile(r.body.id);
  };
  const profileInEditor = profiles.find((p) => p.id === editingProfile);
  const transferOne = async () =>
    done(
      await seatsOne.send(`/clients/users/${move.user?.value}/dossiers/${move.account}/transfer`, {
        method: 'POST',
        body: JSON.stringify({ to: move.profile }),
      }),
    );
  const openProfile = profiles.find((p) => p.id === open);

  return (
    <Box variant="grey" data-testid="client-access">
      <Box variant="white" mb="xl">
        <H2>{tm('clientsTitle')}</H2>
        <Text color="grey60">{tm('clientsIntro')}</Text>
        {outcome && (
          <MessageBox
            mt="lg"
            variant={outcome.ok ? 'success' : 'danger'}
            message={outcome.message}
            onCloseClick={() => setOutcome(null)}
            data-testid="clients-outcome"
          />
        )}
      </Box>

      <Box variant="white" mb="xl" data-testid="new-client">
        <Box flex alignItems="center" justifyContent="space-between">
          <Box>
            <H4 mb="xs">{tm('clientsNewHeading')}</H4>
            <Text color="grey60">{tm('clientsNewIntro')}</Text>
          </Box>
          {!creating && (
            <Button
              variant="contained"
              onClick={() => {
                setCreating(true);
                setCreated(null);
              }}
              data-testid="new-client-open"
            >
              {tm('clientsNewButton')}
            </Button>
          )}
        </Box>
        {created && (
          <MessageBox mt="lg" variant="success" message={created.message} data-testid="new-client-created" onCloseClick={() => setCreated(null)}>
            <Text data-testid="new-client-invited">{tm('clientsNewInvited', { email: created.invitedAddress })}</Text>
            <Text variant="sm" color="grey60" mt="sm">
              {tm('clientsNewInvitedHelp')}
            </Text>
          </MessageBox>
        )}
        {creating && (
          <NewClientForm
            profiles={profiles}
            tm={tm}
            onCancel={() => setCreating(false)}
            onCreated={async (c) => {
              setCreating(false);
              setCreated(c);
              await load();
            }}
          />
        )}
      </Box>

      <Box variant="white" mb="xl">
        <H4>{tm('clientsProfiles')}</H4>
        <Table width={1} data-testid="client-profiles">
          <TableHead>
            <TableRow>
              <TableCell>{tm('clientsProfile')}</TableCell>
              <TableCell>{tm('clientsTier')}</TableCell>
              <TableCell>{tm('clientsPrice')}</TableCell>
              <TableCell>{tm('clientsUsers')}</TableCell>
              <TableCell>{tm('clientProfilesRights')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {profiles.map((p) => (
              <TableRow key={p.id} data-profile={p.name} style={open === p.id ? { background: '#F2F3FF' } : undefined}>
                <TableCell>
                  <Text fontWeight="bold">
                    {p.name}
                    {p.isDefault ? ' ★' : ''}
                  </Text>
                  <Text variant="sm" color="grey60">
                    {p.system ? tm('clientsPredefined') : p.description}
                  </Text>
                </TableCell>
                <TableCell>
                  <Badge variant={TIER_COLOURS[p.tier]} outline>
                    {tm(`tier_${p.tier}`)}
                  </Badge>
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>{'€'.repeat(p.priceLevel)}</TableCell>
                <TableCell>{tm('clientsPairs', { users: tm('countUsers', { count: p.users }), pairs: tm('countDossiers', { count: p.pairs }) })}</TableCell>
                <TableCell style={{ maxWidth: 420 }}>
                  <RightsSummary profile={p} order={catalog?.modules.map((m) => m.name)} tm={tm} tl={tl} />
                </TableCell>
                <TableCell>
                  <Button
                    size="sm"
                    variant="text"
                    onClick={() => {
                      setOpen(p.id);
                      setTarget(null);
                    }}
                  >
                    {tm('clientsShowUsers')}
                  </Button>
                  {catalog && (
                    <Button size="sm" variant="text" data-testid={`open-profile-${p.name}`} onClick={() => setEditingProfile(p.id)}>
                      {tm(p.system ? 'clientProfilesView' : 'clientProfilesEdit')}
                    </Button>
                  )}
                  {catalog && (
                    <Button size="sm" variant="text" onClick={() => duplicate(p)}>
                      {tm('clientsDuplicate')}
                    </Button>
                  )}
                  {!p.isDefault && (
                    <Button size="sm" variant="text" onClick={async () => done(await portierFetch(`/clients/profiles/${p.id}/default`, { method: 'POST' }))}>
                      {tm('clientsMakeDefault')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box flex alignItems="center" justifyContent="space-between" mt="default" flexWrap="wrap" style={{ gap: 12 }}>
          <Text variant="sm" color="grey60" data-testid="rights-legend">
            {tm('clientProfilesLetters')}
          </Text>
          {catalog && (
            <Button size="sm" variant="outlined" onClick={() => setShowAll(!showAll)} data-testid="show-all-rights">
              {tm(showAll ? 'clientProfilesHideAll' : 'clientProfilesShowAll')}
            </Button>
          )}
        </Box>
        {showAll && catalog && <AllRightsTable profiles={profiles} catalog={catalog} tm={tm} tl={tl} tp={tp} />}
        {profileInEditor && catalog && (
          <ClientProfileEditor
            key={JSON.stringify(profileInEditor)}
            profile={profileInEditor}
            catalog={catalog}
            onDuplicate={duplicate}
            onClose={() => setEditingProfile(null)}
            onSaved={(message) => done({ status: 200, body: { message } })}
          />
        )}
        {openProfile && (
          <Box mt="xl" p="lg" style={{ border: '1px solid #E6E6EE' }} data-testid="profile-pairs">
            <H4>{tm('clientsPairsOf', { name: openProfile.name })}</H4>
            {pairs.length === 0 && <Text color="grey60">{tm('clientsNoPairs')}</Text>}
            {pairs.map((x) => (
              <Text key={`${x.userId}-${x.accountId}`}>
                {x.login} — {tm('clientsDossier')} {x.account}
              </Text>
            ))}
            {pairs.length > 0 && (
              <Box flex alignItems="center" mt="lg" style={{ gap: 12 }}>
                <Label mb={0}>{tm('clientsTransferAll')}</Label>
                <Choice
                  testId="transfer-all-target"
                  value={target}
                  onChange={setTarget}
                  options={profileOptions(open)}
                  placeholder={tm('clientsChooseProfile')}
                />
                <Button variant="contained" disabled={!target} onClick={transferAll}>
                  {tm('clientsTransfer')}
                </Button>
              </Box>
            )}
            {seatsAll.warning}
          </Box>
        )}
      </Box>

      <Box variant="white" mb="xl">
        <H4>{tm('clientsCompare')}</H4>
        <Compare profiles={profiles} tm={tm} />
      </Box>

      <Box variant="white">
        <H4>{tm('clientsTransferOne')}</H4>
        <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 12 }} mb="xl">
          <UserPicker kind="client" testId="move-user" value={move.user} onChange={(v) => void chooseUser(v)} placeholder={tm('clientsChooseUser')} />
          <Choice
            testId="move-dossier"
            value={move.account}
            onChange={(v) => setMove({ ...move, account: v })}
            options={(chosenUser?.dossiers ?? []).map((d) => ({ value: d.accountId, label: `${accountLabel(d.account, d.accountName)} — ${d.profile}` }))}
            placeholder={tm('clientsChooseDossier')}
          />
          <Choice
            testId="move-profile"
            value={move.profile}
            onChange={(v) => setMove({ ...move, profile: v })}
            options={profileOptions(null)}
            placeholder={tm('clientsChooseProfile')}
          />
          <Button variant="contained" disabled={!move.user || !move.account || !move.profile} onClick={transferOne}>
            {tm('clientsTransfer')}
          </Button>
        </Box>
        {seatsOne.warning}
        <Box flex alignItems="center" justifyContent="space-between" mb="default" style={{ gap: 12 }}>
          <Input
            width={320}
            value={search}
            placeholder={tm('clientsSearch')}
            data-testid="client-users-search"
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setSearch(e.target.value);
              setUsersPage(1);
            }}
          />
          <Text color="grey60" data-testid="client-users-total" data-total={usersTotal}>
            {tm(usersTotal === 1 ? 'clientsTotalOne' : 'clientsTotalMany', { n: usersTotal.toLocaleString(tm('clientsNumberLocale')) })}
          </Text>
        </Box>
        <Table width={1} data-testid="client-users">
          <TableHead>
            <TableRow>
              <TableCell>{tm('clientsUser')}</TableCell>
              <TableCell>{tm('clientsCompany')}</TableCell>
              <TableCell>{tm('clientsDossiers')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  {u.firstName} {u.lastName}{' '}
                  <Text as="span" color="grey60">
                    ({u.login})
                  </Text>
                </TableCell>
                <TableCell>{u.company}</TableCell>
                <TableCell>
                  {u.dossiers.map((d) => (
                    <Text key={d.accountId}>
                      {accountLabel(d.account, d.accountName)} — <strong>{d.profile}</strong>
                    </Text>
                  ))}
                  <Button size="sm" variant="text" onClick={() => setEditing(editing === u.id ? null : u.id)}>
                    {tm('clientsEditDossiers')}
                  </Button>
                  {editing === u.id && (
                    <DossierEditor
                      user={u}
                      profiles={profiles}
                      tm={tm}
                      onSaved={async (m) => {
                        setEditing(null);
                        await done({ status: 200, body: { message: m } });
                      }}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {usersTotal > perPage && (
          <Box mt="lg" flex justifyContent="center" data-testid="client-users-pages">
            <Pagination page={usersPage} perPage={perPage} total={usersTotal} onChange={setUsersPage} />
          </Box>
        )}
      </Box>
    </Box>
  );
};

export default ClientAccessPage;
