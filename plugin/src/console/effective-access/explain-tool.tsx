import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, H4, Label, MessageBox, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';
import { Select } from '../common/native-select.js';

/** A record the search offers (its reference, its name), or the reference typed, explained without its facts (`exact`). */
interface FoundRecord {
  reference: string;
  name: string;
  exact?: boolean;
}

/** GET /effective-access/users/:id/explain: the decision and the sentence that says why; or an error. */
interface Explanation {
  allowed?: boolean;
  action?: string;
  module?: string;
  text?: string;
  error?: string;
}

const ACTIONS = ['read', 'edit', 'delete', 'create', 'export'];
const ON_RECORD = ['read', 'edit', 'delete'];

/**
 * "Pourquoi ?": the engine's decision for this user, one record and one action, with the rule,
 * role, team, profile or default behind it, as the server words it. The search offers the records
 * the viewer may read; any other is explained by its exact reference, without its name or facts.
 */
const ExplainTool = ({ userId, modules }: { userId: string | number; modules: string[] }) => {
  const { translateMessage: tm, translateLabel: tl, i18n } = useTranslation();
  const lang = i18n?.language === 'en' ? 'en' : 'fr';
  const [module, setModule] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [records, setRecords] = useState<FoundRecord[]>([]);
  const [reference, setReference] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [result, setResult] = useState<Explanation | null>(null);

  useEffect(() => {
    if (!module) return undefined;
    let live = true;
    portierFetch(`/effective-access/records?module=${encodeURIComponent(module)}&q=${encodeURIComponent(search)}`).then(
      (r) => live && setRecords(r.body.records ?? []),
    );
    return () => {
      live = false;
    };
  }, [module, search]);

  const needsRecord = !!action && ON_RECORD.includes(action);
  const explain = async () => {
    // The button is enabled once both are chosen.
    const qs = new URLSearchParams({ module: module ?? '', action: action ?? '', lang, ...(needsRecord && reference ? { reference } : {}) });
    const r = await portierFetch(`/effective-access/users/${userId}/explain?${qs}`);
    setResult(r.status === 200 ? r.body : { error: r.body.message ?? r.body.error });
  };
  // The search lists the records the viewer may read; any other is explained by its exact reference (without its facts).
  const typed = search.trim();
  const listed: FoundRecord[] = typed && !records.some((x) => x.reference === typed) ? [...records, { reference: typed, name: '', exact: true }] : records;
  const options = listed.some((x) => x.reference === reference) || !reference ? listed : [{ reference, name: '' }, ...listed];

  return (
    <Box variant="white" data-testid="explain-tool">
      <H4>{tm('effectiveExplain')}</H4>
      <Text color="grey60" mb="lg">
        {tm('effectiveExplainIntro')}
      </Text>
      <Box flex flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }} mb="lg">
        <Box>
          <Label>{tm('effectiveModule')}</Label>
          <Select
            testId="explain-module"
            value={module}
            placeholder={tm('effectiveChooseModule')}
            onChange={(v) => {
              setModule(v);
              setReference(null);
              setSearch('');
              setResult(null);
            }}
            options={modules.map((m) => ({ value: m, label: tl(m) }))}
            width={180}
          />
        </Box>
        <Box>
          <Label>{tm('effectiveSearch')}</Label>
          <input
            data-testid="explain-search"
            value={search}
            disabled={!module}
            onChange={(e) => setSearch(e.target.value)}
            style={{ padding: '8px 10px', border: '1px solid #C0C0CA', borderRadius: 2, width: 180 }}
          />
        </Box>
        <Box>
          <Label>{tm('effectiveRecord')}</Label>
          <Select
            testId="explain-record"
            value={reference}
            placeholder={tm('effectiveChooseRecord')}
            disabled={!module || (!!action && !needsRecord)}
            onChange={(v) => {
              setReference(v);
              setResult(null);
            }}
            options={options.map((x) => ({
              value: x.reference,
              label: x.exact ? `${x.reference} — ${tm('effectiveExactReference')}` : x.name ? `${x.reference} — ${x.name}` : x.reference,
            }))}
            width={300}
          />
        </Box>
        <Box>
          <Label>{tm('effectiveAction')}</Label>
          <Select
            testId="explain-action"
            value={action}
            placeholder={tm('effectiveChooseAction')}
            onChange={(v) => {
              setAction(v);
              setResult(null);
            }}
            options={ACTIONS.map((a) => ({ value: a, label: tm(`effectiveAction_${a}`) }))}
            width={140}
          />
        </Box>
        <Button variant="contained" data-testid="explain-run" disabled={!module || !action || (needsRecord && !reference)} onClick={explain}>
          {tm('effectiveRun')}
        </Button>
      </Box>
      {action && !needsRecord && (
        <Text variant="sm" color="grey60" mb="lg">
          {tm('effectiveNoRecordNeeded')}
        </Text>
      )}
      {result?.error && <MessageBox variant="danger" message={result.error} data-testid="explain-error" />}
      {result && !result.error && (
        <Box
          p="lg"
          data-testid="explain-result"
          data-allowed={String(result.allowed)}
          style={{ borderLeft: `6px solid ${result.allowed ? '#007D4A' : '#C20012'}`, background: result.allowed ? '#E8F7EF' : '#FDECEE' }}
        >
          <Text fontSize="lg" fontWeight="bold" mb="md" style={{ color: result.allowed ? '#007D4A' : '#C20012' }} data-testid="explain-verdict">
            {result.allowed ? `✔ ${tm('effectiveAllowed')}` : `✖ ${tm('effectiveDenied')}`}
            {' — '}
            {tm(`effectiveAction_${result.action}`)} · {tl(result.module ?? '')}
            {needsRecord && reference ? ` · ${reference}` : ''}
          </Text>
          <Text data-testid="explain-text">{result.text}</Text>
        </Box>
      )}
    </Box>
  );
};

export default ExplainTool;
