import React, { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, H2, H4, Label, Loader, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import { TextField } from '../common/access-pickers.js';
import { DeleteTeam, type Heir } from './delete-team.js';
import { EffectiveMembers } from './effective-members.js';
import { KINDS, MemberEditor } from './member-editor.js';
import { Outcome } from './team-outcome.js';
import type { EffectiveMember, SavedTeam, TeamDetail, TeamDraft, TeamsData, TeamsOutcome } from './teams-types.js';

const sameIds = (a: number[], b: number[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
const draftOf = (team: SavedTeam): TeamDraft => ({
  name: team.name,
  description: team.description,
  userIds: team.userIds,
  roleIds: team.roleIds,
  subtreeRoleIds: team.subtreeRoleIds,
  teamIds: team.teamIds,
});

/**
 * "Équipes": the teams; for the selected one its members of the four kinds, edited as a draft and
 * saved at once, and its effective members. The preview is the server's: the draft's lists are
 * POSTed to /teams/preview at each change (nothing is written), so it shows the unsaved edit.
 */
const TeamsPage = () => {
  const { translateMessage: tm } = useTranslation();
  const [data, setData] = useState<TeamsData | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<TeamDetail | null>(null); // as saved
  const [draft, setDraft] = useState<TeamDraft | null>(null);
  const [members, setMembers] = useState<EffectiveMember[] | null>(null);
  // User id → name: the selected team's users, and those the picker found since.
  const [names, setNames] = useState<Record<number, string>>({});
  const addNames = (found: Array<{ value: number; label: string }>) => setNames((n) => ({ ...n, ...Object.fromEntries(found.map((f) => [f.value, f.label])) }));
  const [newName, setNewName] = useState('');
  const [outcome, setOutcome] = useState<TeamsOutcome | null>(null);
  const check = useAccessPreview();
  const previewCall = useRef(0);

  const loadList = async () => {
    const r = await portierFetch('/teams');
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message, where: 'page' });
    setData(r.body as TeamsData);
  };
  const loadTeam = async (id: number) => {
    const r = await portierFetch(`/teams/${id}`);
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message, where: 'page' });
    setDetail(r.body as TeamDetail);
    setNames(Object.fromEntries((r.body as TeamDetail).team.names.map((u) => [u.id, u.label])));
    setDraft(draftOf(r.body.team));
  };
  useEffect(() => {
    loadList();
  }, []);
  useEffect(() => {
    if (selected) loadTeam(selected);
    else {
      setDetail(null);
      setDraft(null);
    }
  }, [selected]);
  // The effective members of the draft; a slower, older answer never replaces a newer one.
  const lists = draft ? KINDS.map((k) => draft[k].join(',')).join('|') : '';
  useEffect(() => {
    if (!draft) return;
    const call = ++previewCall.current;
    portierFetch('/teams/preview', { method: 'POST', body: JSON.stringify(Object.fromEntries(KINDS.map((k) => [k, draft[k]]))) }).then((r) => {
      if (call === previewCall.current) setMembers(r.status === 200 ? r.body.members : null);
    });
  }, [lists]);

  if (!data) return outcome ? <MessageBox variant="danger" message={outcome.message} /> : <Loader />;

  // `where` places the answer beside the action; `doneWhere` when the action's place goes away.
  const act = async (
    where: string,
    method: string,
    path: string,
    body: object,
    doneWhere = where,
    send = (p: string, init: RequestInit): Promise<ApiResponse | null> => portierFetch(p, init),
  ) => {
    const r = await send(path, { method, body: JSON.stringify(body) });
    if (!r) return null; // the preview cancelled: nothing changed
    setOutcome({ ok: r.status === 200, message: r.body.message ?? `HTTP ${r.status}`, where: r.status === 200 ? doneWhere : where });
    return r.status === 200 ? r.body : null;
  };
  const create = async () => {
    const done = await act('create', 'POST', '/teams', { name: newName });
    if (done) {
      setNewName('');
      await loadList();
      setSelected(done.id);
    }
  };
  const save = async () => {
    if (selected === null || !draft) return; // the save button shows with a team's draft only
    // A team's members change rights (its members', and of those its rules reach): who gains or loses what is shown first.
    if (await act('save', 'PUT', `/teams/${selected}`, draft, 'save', check.review)) {
      await loadList();
      await loadTeam(selected);
    }
  };
  const remove = async (heir: Heir) => {
    if (await act('delete', 'DELETE', `/teams/${selected}`, heir, 'page')) {
      setSelected(null);
      await loadList();
    }
  };
  const saved = detail?.team;
  const dirty = !!saved && !!draft && (draft.name !== saved.name || draft.description !== saved.description || KINDS.some((k) => !sameIds(draft[k], saved[k])));

  return (
    <Box variant="grey" data-testid="teams-page">
      <Box variant="white" mb="xl">
        <H2>{tm('teamsTitle')}</H2>
        <Text color="grey60">{tm('teamsIntro')}</Text>
        <Outcome outcome={outcome} where="page" onClose={() => setOutcome(null)} />
      </Box>
      <Box flex style={{ gap: 24, alignItems: 'flex-start' }}>
        <Box variant="white" style={{ width: 320, flexShrink: 0 }} data-testid="team-list">
          {data.teams.map((t) => (
            <Box
              key={t.id}
              p="md"
              mb="sm"
              data-testid="team-item"
              data-team={t.name}
              onClick={() => {
                setOutcome(null);
                setSelected(t.id);
              }}
              style={{ cursor: 'pointer', border: '1px solid #E6E6EE', background: t.id === selected ? '#F2F3FF' : 'white' }}
            >
              <Text fontWeight="bold">{t.name}</Text>
              <Text variant="sm" color="grey60" title={t.description} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {tm('teamsMembersCount', { count: t.members })}
                {t.description ? ` · ${t.description}` : ''}
              </Text>
            </Box>
          ))}
          <Box mt="lg">
            <TextField testId="team-new-name" value={newName} onChange={setNewName} placeholder={tm('teamsNew')} width="100%" />
            <Button mt="sm" variant="contained" data-testid="team-create" disabled={!newName.trim()} onClick={create}>
              {tm('teamsCreate')}
            </Button>
            <Outcome outcome={outcome} where="create" onClose={() => setOutcome(null)} />
          </Box>
        </Box>
        <Box variant="white" flexGrow={1} data-testid="team-editor">
          {/* The draft and the saved team come together (loadTeam). */}
          {!draft || !saved || !detail ? (
            <Text color="grey60">{tm('teamsChoose')}</Text>
          ) : (
            <>
              <H4 data-testid="team-editor-title">{saved.name}</H4>
              <Box flex flexWrap="wrap" style={{ gap: 16 }} mb="lg">
                <Box>
                  <Label>{tm('teamsName')}</Label>
                  <TextField testId="team-name" value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} />
                </Box>
                <Box flexGrow={1}>
                  <Label>{tm('teamsDescription')}</Label>
                  <TextField testId="team-description" value={draft.description} onChange={(v) => setDraft({ ...draft, description: v })} width="100%" />
                </Box>
              </Box>
              <MemberEditor draft={draft} setDraft={setDraft} data={data} containedIn={saved.containedIn} names={names} addNames={addNames} tm={tm} />
              <Box flex alignItems="center" style={{ gap: 12 }}>
                <Button variant="contained" data-testid="team-save" disabled={!dirty || check.open} onClick={save}>
                  {tm('accessPreviewSave')}
                </Button>
                {dirty && (
                  <Text color="grey60" data-testid="team-unsaved">
                    {tm('teamsUnsaved')}
                  </Text>
                )}
              </Box>
              {check.panel}
              <Outcome outcome={outcome} where="save" onClose={() => setOutcome(null)} />
              {members && (
                <EffectiveMembers
                  members={members}
                  savedIds={saved.memberIds}
                  dirty={dirty && KINDS.some((k) => !sameIds(draft[k], saved[k]))}
                  names={names}
                  tm={tm}
                />
              )}
              <DeleteTeam key={saved.id} team={saved} rules={detail.rules} tm={tm} onDelete={remove} />
              <Outcome outcome={outcome} where="delete" onClose={() => setOutcome(null)} />
            </>
          )}
        </Box>
      </Box>
    </Box>
  );
};

export default TeamsPage;
