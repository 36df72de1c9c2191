import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, H4, Label, MessageBox, Select, SelectAsync, Text } from '@adminjs/design-system';
import { portierFetch } from '../common/portier-api.js';

/** A choice of the pickers: a user's id or a record's reference, with what people read. */
interface Choice {
  value: string;
  label: string;
}

/** GET /effective-access/users/:id/explain: the decision and the sentence that says why; or an error. */
interface Explanation {
  action: string;
  allowed?: boolean;
  text?: string;
  error?: string;
}

const ON_RECORD = ['read', 'edit', 'delete'];
const ON_MODULE = ['create', 'export'];

/** The record the "Qui a accès ?" panel links to (`?explainModule=Deal&explainRecord=DEA-1`), if any. */
function linkedRecord(): { module: string; reference: string } | null {
  if (typeof window === 'undefined') return null;
  const qs = new URLSearchParams(window.location.search);
  const module = qs.get('explainModule');
  const reference = qs.get('explainRecord');
  return module && reference ? { module, reference } : null;
}

/** One sentence of the answer, green when allowed, red when not. */
const Sentence = ({ e }: { e: Explanation }) => (
  <Box
    p="default"
    mb="sm"
    data-testid="explain-result"
    data-action={e.action}
    data-allowed={String(e.allowed)}
    style={{ borderLeft: `4px solid ${e.error ? '#C0C0CA' : e.allowed ? '#007D4A' : '#C20012'}`, background: '#F6F7FB' }}
  >
    <Text data-testid="explain-text">{e.error ?? e.text}</Text>
  </Box>
);

/**
 * "Pourquoi ?": for one user and one record, what they may do with it and why, in sentences
 * ("Émilie Durand voit cette affaire parce que …"); for the module, whether they may create and
 * export. The user is found by name, the record by its name or reference among the records the
 * viewer may read (the server searches both, a few at a time: it scales to thousands).
 */
const ExplainTool = ({ userId, userName, modules }: { userId: string | number; userName: string; modules: string[] }) => {
  const { translateMessage: tm, translateLabel: tl, i18n } = useTranslation();
  const lang = i18n?.language === 'en' ? 'en' : 'fr';
  const linked = linkedRecord();
  const [user, setUser] = useState<Choice>({ value: String(userId), label: userName });
  const [module, setModule] = useState<string | null>(linked && modules.includes(linked.module) ? linked.module : null);
  const [record, setRecord] = useState<Choice | null>(linked && modules.includes(linked.module) ? { value: linked.reference, label: linked.reference } : null);
  const [answers, setAnswers] = useState<Explanation[]>([]);

  const loadUsers = async (q: string): Promise<Choice[]> => {
    const r = await portierFetch<{ users: Array<{ id: number; name: string; login: string }> }>(`/effective-access/users?${new URLSearchParams({ q })}`);
    return r.status === 200 ? r.body.users.map((u) => ({ value: String(u.id), label: u.name === u.login ? u.name : `${u.name} (${u.login})` })) : [];
  };
  const loadRecords = async (q: string): Promise<Choice[]> => {
    if (!module) return [];
    const r = await portierFetch<{ records: Array<{ reference: string | null; name: string | null }> }>(
      `/effective-access/records?${new URLSearchParams({ module, q })}`,
    );
    if (r.status !== 200) return [];
    return r.body.records.filter((x) => x.reference).map((x) => ({ value: x.reference!, label: x.name ? `${x.name} — ${x.reference}` : x.reference! }));
  };

  // The record named by the panel's link: its name, once the search finds it.
  useEffect(() => {
    if (!linked || !module) return;
    loadRecords(linked.reference).then((found) => {
      const same = found.find((c) => c.value === linked.reference);
      if (same) setRecord(same);
    });
    document.querySelector('[data-testid=explain-tool]')?.scrollIntoView({ block: 'start' });
  }, []);

  const reference = record?.value ?? null;
  useEffect(() => {
    if (!module) return undefined;
    let live = true;
    const actions = reference ? [...ON_RECORD, ...ON_MODULE] : ON_MODULE;
    Promise.all(
      actions.map(async (action): Promise<Explanation> => {
        const qs = new URLSearchParams({ module, action, lang, ...(ON_RECORD.includes(action) && reference ? { reference } : {}) });
        const r = await portierFetch(`/effective-access/users/${user.value}/explain?${qs}`);
        return r.status === 200 ? { action, allowed: r.body.allowed, text: r.body.text } : { action, error: r.body.message ?? r.body.error };
      }),
    ).then((list) => live && setAnswers(list));
    return () => {
      live = false;
    };
  }, [user.value, module, reference, lang]);

  const onRecord = answers.filter((a) => ON_RECORD.includes(a.action));
  const onModule = answers.filter((a) => ON_MODULE.includes(a.action));
  return (
    <Box variant="white" data-testid="explain-tool">
      <H4>{tm('effectiveExplain')}</H4>
      <Text color="grey60" mb="lg">
        {tm('effectiveExplainIntro')}
      </Text>
      <Box flex flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }} mb="xl">
        <Box style={{ width: 300 }} data-testid="explain-user">
          <Label>{tm('effectiveUser')}</Label>
          <SelectAsync
            cacheOptions
            defaultOptions
            loadOptions={loadUsers}
            value={user}
            isClearable={false}
            onChange={(c: Choice | null) => c && setUser(c)}
            noOptionsMessage={() => tm('effectiveNoUser')}
            loadingMessage={() => tm('effectiveSearching')}
          />
        </Box>
        <Box style={{ width: 220 }} data-testid="explain-module">
          <Label>{tm('effectiveModule')}</Label>
          <Select
            value={module ? { value: module, label: tl(module) } : null}
            isClearable={false}
            placeholder={tm('effectiveChooseModule')}
            options={modules.map((m) => ({ value: m, label: tl(m) }))}
            onChange={(c: Choice | null) => {
              setModule(c?.value ?? null);
              setRecord(null);
              setAnswers([]);
            }}
          />
        </Box>
        <Box style={{ width: 380 }} data-testid="explain-record">
          <Label>{tm('effectiveRecord')}</Label>
          <SelectAsync
            key={module ?? ''}
            cacheOptions
            defaultOptions
            isDisabled={!module}
            isClearable
            loadOptions={loadRecords}
            value={record}
            placeholder={tm('effectiveChooseRecord')}
            onChange={(c: Choice | null) => setRecord(c)}
            noOptionsMessage={() => tm('effectiveNoRecord')}
            loadingMessage={() => tm('effectiveSearching')}
          />
        </Box>
      </Box>
      {!module && <Text color="grey60">{tm('effectiveExplainStart')}</Text>}
      {onRecord.length > 0 && (
        <Box mb="lg" data-testid="explain-on-record">
          <Label>{record?.label}</Label>
          {onRecord.map((e) => (
            <Sentence key={e.action} e={e} />
          ))}
        </Box>
      )}
      {module && !record && <MessageBox mb="lg" variant="info" message={tm('effectiveChooseRecordHint')} />}
      {onModule.length > 0 && (
        <Box data-testid="explain-on-module">
          <Label>{tm('effectiveOnModule')}</Label>
          {onModule.map((e) => (
            <Sentence key={e.action} e={e} />
          ))}
        </Box>
      )}
    </Box>
  );
};

export default ExplainTool;
