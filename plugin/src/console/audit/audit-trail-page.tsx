import React, { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, Button, H2, Input, Label, Loader, MessageBox, Pagination, Select, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import { fetchAudit, objectToQuery, queryToObject, type AuditState } from './audit-api.js';
import { useAuditFormat } from './audit-format.js';
import { AuditTable } from './audit-table.js';

/** French elides "de" before a vowel ("actions d'Émilie"); an h is left alone (aspirated or not, it cannot be told). */
const elides = (name: string): boolean => /^[aeiouyàâäéèêëîïôöùûü]/i.test(name.normalize('NFC'));

const FILTERS = ['actor', 'module', 'recordId', 'action', 'from', 'to'];
const PER_PAGE = 25;

const Field = ({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) => (
  <Box style={{ minWidth: 0 }}>
    <Label htmlFor={htmlFor} mb="sm">
      {label}
    </Label>
    {children}
  </Box>
);

/**
 * The audit trail page (capability `viewAudit`). The URL holds the filters and the page
 * (`?actor=12`, `?module=Contact&recordId=5&page=2`), so that other pages link to it and the
 * browser's back button works; the server checks the capability and hides the fields the
 * viewer may not read.
 */
const AuditTrailPage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const applied = useMemo(() => queryToObject(location.search, FILTERS), [location.search]);
  const page = Math.max(1, Number(new URLSearchParams(location.search).get('page')) || 1);
  const [draft, setDraft] = useState<Record<string, string | undefined>>(applied);
  const [state, setState] = useState<AuditState>({ status: 'loading' });
  const format = useAuditFormat(state.data?.timeZone);
  const { m } = format;

  useEffect(() => setDraft(applied), [applied]);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchAudit({ ...applied, page, perPage: PER_PAGE }).then((r) => live && setState(r));
    return () => {
      live = false;
    };
  }, [applied, page]);

  const go = (filters: Record<string, string | undefined>, toPage = 1) =>
    navigate({ pathname: location.pathname, search: objectToQuery({ ...filters, page: toPage > 1 ? toPage : undefined }) });
  // A page past the end (a link kept while entries were filtered away): go to the last one.
  useEffect(() => {
    const d = state.data;
    if (d && d.entries.length === 0 && d.total > 0 && d.page > 1) {
      navigate({ pathname: location.pathname, search: objectToQuery({ ...applied, page: Math.ceil(d.total / PER_PAGE) }) }, { replace: true });
    }
  }, [state.data]);
  const set = (key: string) => (value: string | undefined) => setDraft((d) => ({ ...d, [key]: value || undefined }));

  if (state.status === 'forbidden') {
    return (
      <Box variant="grey">
        <MessageBox variant="danger" message={m('auditForbidden')} />
      </Box>
    );
  }

  const data = state.data;
  const options = data?.options ?? { actions: [], modules: [] };
  const moduleOptions = [...new Set([...options.modules, ...(draft.module ? [draft.module] : [])])]
    .map((value) => ({ value, label: format.moduleLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label, format.language));
  const actionOptions = [...new Set([...options.actions, ...(draft.action ? [draft.action] : [])])]
    .map((value) => ({ value, label: format.actionLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label, format.language));
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const totalText =
    total === 0 ? m('auditTotalNone') : total === 1 ? m('auditTotalOne') : m('auditTotalMany', { count: total.toLocaleString(format.language) });
  const csvUrl = `${rootPath()}/portier/audit.csv${objectToQuery(applied)}`;

  return (
    <Box variant="grey">
      <Box variant="white" mb="lg">
        <Box flex flexDirection="row" justifyContent="space-between" alignItems="flex-start" flexWrap="wrap" style={{ gap: 16 }}>
          <Box style={{ flex: '1 1 420px' }}>
            <H2 mb="sm">{m('auditTitle')}</H2>
            <Text color="grey60">{m('auditIntro')}</Text>
          </Box>
          <Button as="a" href={csvUrl} variant="outlined" download data-testid="audit-csv">
            {m('auditExport')}
          </Button>
        </Box>

        <Box
          as="form"
          mt="xl"
          onSubmit={(ev: React.FormEvent) => {
            ev.preventDefault();
            go(draft);
          }}
        >
          <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 16, alignItems: 'start' }}>
            <Field label={m('auditFilterActor')} htmlFor="audit-actor">
              <Input
                id="audit-actor"
                width={1}
                value={draft.actor ?? ''}
                placeholder={m('auditFilterActorPlaceholder')}
                onChange={(ev: React.ChangeEvent<HTMLInputElement>) => set('actor')(ev.target.value.trim())}
              />
            </Field>
            <Field label={m('auditFilterModule')} htmlFor="audit-module">
              <Select
                inputId="audit-module"
                isClearable
                placeholder={m('auditAllModules')}
                options={moduleOptions}
                value={moduleOptions.find((o) => o.value === draft.module) ?? null}
                onChange={(o: { value: string } | null) => set('module')(o?.value)}
              />
            </Field>
            <Field label={m('auditFilterRecord')} htmlFor="audit-record">
              <Input
                id="audit-record"
                width={1}
                value={draft.recordId ?? ''}
                onChange={(ev: React.ChangeEvent<HTMLInputElement>) => set('recordId')(ev.target.value.trim())}
              />
            </Field>
            <Field label={m('auditFilterAction')} htmlFor="audit-action">
              <Select
                inputId="audit-action"
                isClearable
                placeholder={m('auditAllActions')}
                options={actionOptions}
                value={actionOptions.find((o) => o.value === draft.action) ?? null}
                onChange={(o: { value: string } | null) => set('action')(o?.value)}
              />
            </Field>
            <Field label={m('auditFilterFrom')} htmlFor="audit-from">
              <Input
                id="audit-from"
                type="date"
                width={1}
                value={draft.from ?? ''}
                onChange={(ev: React.ChangeEvent<HTMLInputElement>) => set('from')(ev.target.value)}
              />
            </Field>
            <Field label={m('auditFilterTo')} htmlFor="audit-to">
              <Input
                id="audit-to"
                type="date"
                width={1}
                value={draft.to ?? ''}
                onChange={(ev: React.ChangeEvent<HTMLInputElement>) => set('to')(ev.target.value)}
              />
            </Field>
          </Box>
          <Box flex flexDirection="row" mt="lg" style={{ gap: 8 }}>
            <Button type="submit" variant="contained">
              {m('auditApply')}
            </Button>
            {Object.keys(applied).length > 0 && (
              <Button type="button" variant="outlined" onClick={() => go({})}>
                {m('auditReset')}
              </Button>
            )}
          </Box>
        </Box>
      </Box>

      <Box variant="white">
        {state.status === 'error' && <MessageBox mb="lg" variant="danger" message={m('auditLoadError', { message: state.message })} />}
        {!data && state.status !== 'error' && <Loader />}
        {data && (
          <>
            <Box flex flexDirection="row" justifyContent="space-between" alignItems="baseline" mb="lg">
              <Text data-testid="audit-total">
                <strong>{totalText}</strong>
                {data.actor && (
                  <Text as="span" color="grey60">
                    {' — '}
                    {m(elides(data.actor.fullName) ? 'auditOfActorElided' : 'auditOfActor', { name: data.actor.fullName, login: data.actor.login })}
                  </Text>
                )}
              </Text>
              {total > PER_PAGE && <Text color="grey60">{m('auditPageOf', { page: data.page, pages })}</Text>}
            </Box>
            {data.entries.length === 0 ? (
              <Text py="xl" textAlign="center" color="grey60">
                {m('auditEmpty')}
              </Text>
            ) : (
              <Box style={{ opacity: state.loading ? 0.5 : 1, transition: 'opacity 0.15s' }}>
                <AuditTable entries={data.entries} format={format} onFilter={(f) => go({ ...applied, ...f })} />
              </Box>
            )}
            {total > PER_PAGE && (
              <Box mt="xl" flex justifyContent="center">
                <Pagination page={data.page} perPage={PER_PAGE} total={total} onChange={(p: number) => go(applied, p)} />
              </Box>
            )}
          </>
        )}
      </Box>
    </Box>
  );
};

export default AuditTrailPage;
