import React, { useEffect, useState } from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import {
  Badge,
  Box,
  Button,
  H2,
  H4,
  Icon,
  Input,
  Label,
  Loader,
  MessageBox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import { Select } from '../common/choice-select.js';
import ProfileCompare from './profile-compare.js';
import ProfileEditor from './profile-editor.js';
import ProfileHolders from './profile-holders.js';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import type { ProfileRow, ProfilesData } from './profiles-types.js';

/** Told of each change's answer; `openId`: the profile to open in the editor then (a new one). */
type Done = (r: ApiResponse, openId?: number) => Promise<void>;
import { useSeatConfirm } from '../subscription/seat-warning.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';

const TIER_COLOURS: Record<string, 'info' | 'primary' | 'success'> = { limited: 'info', standard: 'primary', premium: 'success' };

/** "Nouveau profil": a name and a template whose every right and tier the copy takes. */
const NewProfile = ({ profiles, done, tm }: { profiles: ProfileRow[]; done: Done; tm: TranslateFunction }) => {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const create = async () => {
    const r = await portierFetch('/profiles', { method: 'POST', body: JSON.stringify({ name, ...(template ? { templateId: Number(template) } : {}) }) });
    if (r.status === 200) setName('');
    await done(r, r.body.id);
  };
  return (
    <Box flex alignItems="flex-end" flexWrap="wrap" style={{ gap: 12 }} data-testid="new-profile">
      <Box>
        <Label>{tm('profilesNewName')}</Label>
        <Input
          data-testid="new-profile-name"
          value={name}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)}
          style={{ width: 280 }}
        />
      </Box>
      <Box>
        <Label>{tm('profilesNewFrom')}</Label>
        <Select
          testId="new-profile-template"
          value={template}
          width={260}
          placeholder={tm('profilesNewBlank')}
          onChange={(v) => setTemplate(v ?? '')}
          options={profiles.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Box>
      <Button variant="contained" disabled={!name.trim()} onClick={create} data-testid="new-profile-create">
        <Icon icon="Plus" />
        {tm('profilesCreate')}
      </Button>
    </Box>
  );
};

/**
 * Deleting: a system profile's button is disabled with its reason; one in use asks for its
 * replacement, whose tier may put its roles' users over the subscription (the seat warning asks).
 */
const DeleteButton = ({ profile, profiles, done, tm }: { profile: ProfileRow; profiles: ProfileRow[]; done: Done; tm: TranslateFunction }) => {
  const [asking, setAsking] = useState(false);
  const [replacement, setReplacement] = useState('');
  const seats = useSeatConfirm();
  const check = useAccessPreview();
  if (profile.deleteBlocked) {
    return (
      <span title={profile.deleteBlocked} data-testid={`delete-blocked-${profile.name}`}>
        <Button size="sm" variant="text" color="danger" disabled>
          {tm('profilesDelete')}
        </Button>
        <Text variant="xs" color="grey60" ml="default">
          {profile.deleteBlocked}
        </Text>
      </span>
    );
  }
  const go = async () => {
    if (!profile.roles && !window.confirm(tm('profilesDeleteConfirm', { name: profile.name }))) return;
    // Held by roles: its replacement changes their users' rights, shown first.
    const init = { method: 'DELETE', body: JSON.stringify({ replacementId: replacement ? Number(replacement) : null }) };
    const r = profile.roles ? await check.review(`/profiles/${profile.id}`, init, seats.send) : await seats.send(`/profiles/${profile.id}`, init);
    if (r) await done(r);
  };
  if (!asking)
    return (
      <Button size="sm" variant="text" color="danger" onClick={() => (profile.roles ? setAsking(true) : go())}>
        {tm('profilesDelete')}
      </Button>
    );
  return (
    <>
      <Box flex alignItems="center" style={{ gap: 8 }} mt="sm">
        <Select
          testId="profile-delete-replacement"
          value={replacement}
          width={260}
          placeholder={tm('profilesDeleteReplacement')}
          onChange={(v) => setReplacement(v ?? '')}
          options={profiles.filter((p) => p.id !== profile.id).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Button size="sm" variant="contained" color="danger" disabled={!replacement || check.open} onClick={go}>
          {tm('profilesDeleteConfirm', { name: profile.name })}
        </Button>
      </Box>
      {check.panel}
      {seats.warning}
    </>
  );
};

/**
 * "Profils": the internal profiles with their tier, default star and users; the editor (matrix,
 * global privileges, capabilities, contact scopes, field access); who holds a profile, with
 * "Remplacer ce profil" and role changes; and the comparison of two profiles.
 */
const ProfilesPage = () => {
  const { translateMessage: tm } = useTranslation();
  const [data, setData] = useState<ProfilesData | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  // `?edit=<id>` opens that profile's editor: where the Profile resource's forms send an internal profile.
  const [editing, setEditing] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('edit')) || null);
  const [holdersOf, setHoldersOf] = useState<number | null>(null);
  const load = async () => {
    const r = await portierFetch('/profiles');
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message });
    setData(r.body as ProfilesData);
  };
  useEffect(() => {
    load();
  }, []);
  if (!data) return outcome ? <MessageBox variant="danger" message={outcome.message} /> : <Loader />;

  const done: Done = async (r, openId) => {
    setOutcome({ ok: r.status === 200, message: r.body.message });
    if (r.status === 200) {
      await load();
      if (openId) setEditing(openId);
    }
  };
  const { profiles, catalog } = data;

  return (
    <Box variant="grey" data-testid="profiles-page">
      <Box variant="white" mb="xl">
        <H2>{tm('profilesTitle')}</H2>
        <Text color="grey60" mb="lg">
          {tm('profilesIntro')}
        </Text>
        <NewProfile profiles={profiles} done={done} tm={tm} />
        {outcome && (
          <MessageBox
            mt="lg"
            variant={outcome.ok ? 'success' : 'danger'}
            message={outcome.message}
            onCloseClick={() => setOutcome(null)}
            data-testid="profiles-outcome"
          />
        )}
      </Box>

      <Box variant="white" mb="xl">
        <Table width={1} data-testid="profiles-list">
          <TableHead>
            <TableRow>
              <TableCell>{tm('profilesName')}</TableCell>
              <TableCell>{tm('profilesTier')}</TableCell>
              <TableCell>{tm('profilesUsers')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {profiles.map((p) => (
              <React.Fragment key={p.id}>
                <TableRow data-profile={p.name} style={editing === p.id || holdersOf === p.id ? { background: '#F2F3FF' } : undefined}>
                  <TableCell>
                    <Text fontWeight="bold">
                      {p.isDefault && (
                        <span title={tm('profilesDefault')} style={{ color: '#E6A700' }}>
                          ★{' '}
                        </span>
                      )}
                      {p.name}
                      {p.system && (
                        <Badge ml="default" size="sm" outline>
                          {tm('profilesSystem')}
                        </Badge>
                      )}
                    </Text>
                    <Text variant="sm" color="grey60">
                      {p.description}
                    </Text>
                  </TableCell>
                  <TableCell>
                    <Badge variant={TIER_COLOURS[p.tier]} outline>
                      {tm(`profilesTier_${p.tier}`)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="sm" variant="text" data-testid={`holders-${p.name}`} onClick={() => setHoldersOf(holdersOf === p.id ? null : p.id)}>
                      {tm('profilesUsersCount', { users: tm('countUsers', { count: p.users }), roles: tm('countRoles', { count: p.roles }) })}
                    </Button>
                  </TableCell>
                  <TableCell style={{ maxWidth: 380 }}>
                    <Button size="sm" variant="text" data-testid={`edit-${p.name}`} onClick={() => setEditing(editing === p.id ? null : p.id)}>
                      {tm('profilesEdit')}
                    </Button>
                    {!p.isDefault && (
                      <Button size="sm" variant="text" onClick={async () => done(await portierFetch(`/profiles/${p.id}/default`, { method: 'POST' }))}>
                        {tm('profilesMakeDefault')}
                      </Button>
                    )}
                    <DeleteButton profile={p} profiles={profiles} done={done} tm={tm} />
                  </TableCell>
                </TableRow>
                {/* What a row opens sits right under it: who holds the profile, and its editor. */}
                {holdersOf === p.id && (
                  <TableRow>
                    <TableCell colSpan={4} style={{ background: '#FAFAFC' }}>
                      <ProfileHolders profile={p} profiles={profiles} roles={data.roles} canMoveUsers={data.canMoveUsers} done={done} />
                    </TableCell>
                  </TableRow>
                )}
                {editing === p.id && (
                  <TableRow>
                    <TableCell colSpan={4} style={{ background: '#FAFAFC' }}>
                      <ProfileEditor
                        key={JSON.stringify(p)}
                        profile={p}
                        catalog={catalog}
                        onSaved={(message) => done({ status: 200, body: { message } })}
                        onClose={() => setEditing(null)}
                      />
                    </TableCell>
                  </TableRow>
                )}
              </React.Fragment>
            ))}
          </TableBody>
        </Table>
      </Box>

      <Box variant="white">
        <H4>{tm('profilesCompare')}</H4>
        <ProfileCompare profiles={profiles} catalog={catalog} />
      </Box>
    </Box>
  );
};

export default ProfilesPage;
