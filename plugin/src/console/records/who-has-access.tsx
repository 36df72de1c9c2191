import React, { useEffect, useState } from 'react';
import { useCurrentAdmin, useTranslation } from 'adminjs';
import { Badge, Box, Button, H5, Input, Loader, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierFetch, rootPath } from '../common/portier-api.js';

/** GET /records/:module/:id/access (who-has-access-routes.ts). */
interface Holder {
  id: number;
  name: string;
  login: string;
  kind: 'internal' | 'client';
  read: boolean;
  edit: boolean;
  delete: boolean;
  reasons: Array<{ text: string; actions: Array<'read' | 'edit' | 'delete'> }>;
}
interface Answer {
  total: number;
  page: number;
  perPage: number;
  holders: Holder[];
}

const ACTIONS = ['read', 'edit', 'delete'] as const;

/** A tick or a dash in an action's column, with its word for screen readers. */
const Mark = ({ on, label }: { on: boolean; label: string }) => (
  <Text as="span" aria-label={label} title={label} style={{ color: on ? '#007D4A' : '#9A9AAE', fontWeight: on ? 700 : 400 }}>
    {on ? '✓' : '—'}
  </Text>
);

/**
 * "Qui a accès ?" under a module record: the users who may read, edit or delete it, each with
 * the reason in words and a link to the full explanation. For admins and those who manage users
 * or access (docs/spec/access-model.md, "Who reads the audit trail"); the server decides, and
 * answers anyone else as for a record that does not exist (then nothing is shown).
 */
const WhoHasAccess = ({ module, recordId, reference }: { module: string; recordId: string; reference?: string }) => {
  const { translateMessage: tm, i18n } = useTranslation();
  const [admin] = useCurrentAdmin();
  const lang = i18n?.language === 'en' ? 'en' : 'fr';
  const mayList =
    !!admin && admin.kind !== 'client' && (admin.isAdmin === true || ((admin.portierPages as string[] | undefined) ?? []).includes('clientAccess'));
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!mayList) return undefined;
    let live = true;
    const qs = new URLSearchParams({ page: String(page), q: search, lang });
    // A short pause while typing: one request per word, not per key.
    const timer = setTimeout(() => {
      portierFetch<Answer>(`/records/${encodeURIComponent(module)}/${encodeURIComponent(recordId)}/access?${qs}`).then((r) => {
        if (!live) return;
        if (r.status === 200) setAnswer(r.body);
        else setRefused(true);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [mayList, module, recordId, page, search, lang]);

  if (!mayList || refused) return null;
  const last = answer ? Math.max(1, Math.ceil(answer.total / answer.perPage)) : 1;
  const from = answer && answer.total ? (answer.page - 1) * answer.perPage + 1 : 0;
  const to = answer ? Math.min(answer.total, answer.page * answer.perPage) : 0;
  const explainHref = (h: Holder) =>
    `${rootPath()}/resources/User/records/${h.id}/effectiveAccess?${new URLSearchParams({ explainModule: module, explainRecord: reference ?? '' })}`;

  return (
    <Box variant="white" mt="xl" data-testid="who-has-access">
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center" mb="lg" style={{ gap: 16, flexWrap: 'wrap' }}>
        <Box>
          <H5 mb="sm">{tm('whoHasAccessTitle')}</H5>
          <Text color="grey60" variant="sm">
            {tm('whoHasAccessIntro')}
          </Text>
        </Box>
        <Input
          data-testid="who-has-access-search"
          value={search}
          placeholder={tm('whoHasAccessSearch')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      </Box>
      {!answer && <Loader />}
      {answer && !answer.holders.length && <Text color="grey60">{search ? tm('whoHasAccessNoMatch') : tm('whoHasAccessNobody')}</Text>}
      {answer && answer.holders.length > 0 && (
        <Table width={1} data-testid="who-has-access-table">
          <TableHead>
            <TableRow>
              <TableCell>{tm('whoHasAccessUser')}</TableCell>
              {ACTIONS.map((a) => (
                <TableCell key={a} style={{ textAlign: 'center', width: 110 }}>
                  {tm(`whoHasAccessAction_${a}`)}
                </TableCell>
              ))}
              <TableCell>{tm('whoHasAccessWhy')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {answer.holders.map((h) => (
              <TableRow key={h.id} data-testid="who-has-access-row" data-login={h.login}>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <Text as="span" fontWeight="bold">
                    {h.name}
                  </Text>
                  {h.kind === 'client' && (
                    <Badge size="sm" outline variant="info" ml="sm">
                      {tm('whoHasAccessClient')}
                    </Badge>
                  )}
                </TableCell>
                {ACTIONS.map((a) => (
                  <TableCell key={a} style={{ textAlign: 'center' }} data-testid={`who-has-access-${a}`} data-allowed={String(h[a])}>
                    <Mark on={h[a]} label={tm(h[a] ? 'whoHasAccessYes' : 'whoHasAccessNo')} />
                  </TableCell>
                ))}
                <TableCell data-testid="who-has-access-reasons">
                  {h.reasons.map((r) => (
                    <Text key={r.text} variant="sm">
                      {r.text}
                      {r.actions.length < ACTIONS.filter((a) => h[a]).length && (
                        <span style={{ color: '#898A9A' }}> ({r.actions.map((a) => tm(`whoHasAccessAction_${a}`).toLowerCase()).join(', ')})</span>
                      )}
                    </Text>
                  ))}
                </TableCell>
                <TableCell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <Button as="a" href={explainHref(h)} variant="text" size="sm" data-testid="who-has-access-explain">
                    {tm('whoHasAccessExplain')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {answer && answer.total > 0 && (
        <Box flex flexDirection="row" justifyContent="space-between" alignItems="center" mt="lg">
          <Text color="grey60" data-testid="who-has-access-count">
            {tm('whoHasAccessCount', { from, to, total: answer.total.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') })}
          </Text>
          {last > 1 && (
            <Box flex style={{ gap: 8 }}>
              <Button size="sm" variant="outlined" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="who-has-access-previous">
                {tm('whoHasAccessPrevious')}
              </Button>
              <Button size="sm" variant="outlined" disabled={page >= last} onClick={() => setPage(page + 1)} data-testid="who-has-access-next">
                {tm('whoHasAccessNext')}
              </Button>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};

export default WhoHasAccess;
