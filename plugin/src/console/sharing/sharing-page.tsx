import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Badge, Box, Button, H2, H4, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierFetch, type ApiResponse } from '../common/portier-api.js';
import { DefaultsTable, moduleName } from './defaults-table.js';
import { RuleEditor } from './rule-editor.js';
import { useAccessPreview } from '../access-preview/use-access-preview.js';
import type { SharingData, SharingRule } from './sharing-types.js';

/**
 * "Partage": the organisation-wide defaults, one select per module (a level the module cannot take
 * now is disabled with the server's reason), and the sharing rules, each read as a sentence, with
 * their editor. Every change goes to the server (setDefault, saveRule, deleteRule) and the page
 * is reloaded from it, so what is shown is always what is stored.
 */
const SharingPage = () => {
  const { translateMessage: tm, translateLabel: tl, i18n } = useTranslation();
  const lang = i18n?.language === 'en' ? 'en' : 'fr';
  const [data, setData] = useState<SharingData | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [editing, setEditing] = useState<'new' | SharingRule | null>(null); // null, 'new' or a rule
  // Who gains or loses what is shown before a default changes or a rule goes, each under its own table.
  const defaultCheck = useAccessPreview();
  const deleteCheck = useAccessPreview();
  // The level being reviewed shows in its select until it is confirmed or cancelled.
  const [pending, setPending] = useState<{ module: string; level: string } | null>(null);

  const load = async () => {
    const r = await portierFetch(`/sharing?lang=${lang}`);
    if (r.status !== 200) return setOutcome({ ok: false, message: r.body.message });
    setData(r.body as SharingData);
  };
  useEffect(() => {
    load();
  }, [lang]);
  if (!data) return outcome ? <MessageBox variant="danger" message={outcome.message} data-testid="sharing-outcome" /> : <Loader />;

  // Refused or not, the page is reloaded: after a refusal the select shows the stored level again.
  const done = async (r: ApiResponse) => {
    setOutcome({ ok: r.status === 200, message: r.body.message ?? r.body.error });
    await load();
  };
  // "Annuler" reloads too: the select shows the stored level again.
  const setLevel = async (module: string, level: string) => {
    setPending({ module, level });
    const r = await defaultCheck.review(`/sharing/defaults/${module}`, { method: 'PUT', body: JSON.stringify({ level }) });
    if (r) await done(r);
    else await load();
    setPending(null);
  };
  // The preview is the confirmation: it says what the rule's removal takes away, from whom.
  const remove = async (rule: SharingRule) => {
    const r = await deleteCheck.review(`/sharing/rules/${rule.id}`, { method: 'DELETE' });
    if (r) await done(r);
  };
  const byModule = Object.fromEntries(data.modules.map((m) => [m.module, m]));

  return (
    <Box variant="grey" data-testid="sharing-page">
      <Box variant="white" mb="xl">
        <H2>{tm('sharingTitle')}</H2>
        <Text color="grey60">{tm('sharingIntro')}</Text>
        {!data.canWrite && <MessageBox mt="lg" variant="info" message={tm('sharingReadOnly')} />}
        {outcome && (
          <MessageBox
            mt="lg"
            variant={outcome.ok ? 'success' : 'danger'}
            message={outcome.message}
            onCloseClick={() => setOutcome(null)}
            data-testid="sharing-outcome"
          />
        )}
      </Box>

      <Box variant="white" mb="xl">
        <H4>{tm('sharingDefaults')}</H4>
        <Text variant="sm" color="grey60" mb="lg">
          {tm('sharingLegend')}
        </Text>
        <DefaultsTable
          modules={data.modules.map((m) => (m.module === pending?.module ? { ...m, level: pending.level } : m))}
          followers={data.followers}
          canWrite={data.canWrite}
          lang={lang}
          tm={tm}
          tl={tl}
          onChange={setLevel}
        />
        {defaultCheck.panel}
      </Box>

      <Box variant="white">
        <Box flex justifyContent="space-between" alignItems="center">
          <H4>{tm('sharingRules')}</H4>
          {data.canWrite && (
            <Button variant="contained" data-testid="rule-new" onClick={() => setEditing('new')}>
              {tm('sharingNewRule')}
            </Button>
          )}
        </Box>
        {editing && (
          <RuleEditor
            key={editing === 'new' ? 'new' : editing.id}
            rule={editing === 'new' ? null : editing}
            data={data}
            lang={lang}
            tm={tm}
            onCancel={() => setEditing(null)}
            onSaved={async (message) => {
              setEditing(null);
              await done({ status: 200, body: { message } });
            }}
          />
        )}
        {deleteCheck.panel}
        {data.rules.length === 0 && (
          <Text mt="lg" color="grey60">
            {tm('sharingNoRules')}
          </Text>
        )}
        {data.rules.length > 0 && (
          <Table width={1} mt="lg" data-testid="sharing-rules">
            <TableHead>
              <TableRow>
                <TableCell>{tm('sharingRule')}</TableCell>
                <TableCell>{tm('sharingModule')}</TableCell>
                <TableCell>{tm('sharingAccess')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rules.map((r) => (
                <TableRow key={r.id} data-testid="rule-row" data-rule-id={r.id}>
                  <TableCell>
                    {r.name && (
                      <Text variant="sm" color="grey60">
                        {r.name}
                      </Text>
                    )}
                    <Text data-testid="rule-sentence">{r.sentence}</Text>
                  </TableCell>
                  <TableCell>{byModule[r.module] ? moduleName(byModule[r.module], lang) : r.module}</TableCell>
                  <TableCell>
                    <Badge variant={r.access === 'read' ? 'info' : 'primary'} outline>
                      {tm(`sharingAccess_${r.access}`)}
                    </Badge>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {data.canWrite && (
                      <Button size="sm" variant="text" data-testid="rule-edit" onClick={() => setEditing(r)}>
                        {tm('sharingEdit')}
                      </Button>
                    )}
                    {data.canWrite && (
                      <Button size="sm" variant="text" color="danger" data-testid="rule-delete" onClick={() => remove(r)}>
                        {tm('sharingDelete')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
};

export default SharingPage;
