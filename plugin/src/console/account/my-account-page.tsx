import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, FormGroup, H2, H4, Input, Label, Loader, MessageBox, Text } from '@adminjs/design-system';
import LoginHoursShow from '../users/login-hours-show.js';
import { portierFetch } from '../common/portier-api.js';
import { Select } from '../common/choice-select.js';
import { useOrgFormats } from '../common/org-formats.js';

/** GET /account (account-routes.ts): the signed-in user. */
interface Me {
  login: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  isAdmin: boolean;
  profiles: string[];
  company: string | null;
  loginHours: object | null;
  locale: 'fr' | 'en';
  signIns: { at: string; success: boolean; reason: string; ip: string | null }[];
}

type PasswordForm = { current: string; next: string; confirm: string };

/** "Mon compte": who I am, my role and profiles, my login hours, my last sign-ins, and my password. */
const MyAccountPage = () => {
  const { translateMessage: tm, i18n } = useTranslation();
  // The organisation's zone and the reader's language, as every date of the interface.
  const formats = useOrgFormats();
  // French typography puts a space before the colon; English does not.
  const colon = i18n.language === 'en' ? ': ' : ' : ';
  const [me, setMe] = useState<Me | null>(null);
  const [form, setForm] = useState<PasswordForm>({ current: '', next: '', confirm: '' });
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    portierFetch<Me>('/account').then((r) => setMe(r.body));
  }, []);
  if (!me) return <Loader />;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.next !== form.confirm) return setOutcome({ ok: false, message: tm('passwordMismatch') });
    setBusy(true);
    const r = await portierFetch('/account/password', { method: 'POST', body: JSON.stringify({ current: form.current, next: form.next }) });
    setBusy(false);
    setOutcome({ ok: r.status === 200, message: r.status === 200 ? tm('passwordChanged') : r.body.message });
    if (r.status === 200) setForm({ current: '', next: '', confirm: '' });
  };
  // The language is the user's (`locale`), saved as the top bar's choice is (account-routes.ts); the
  // page is loaded again so that everything the server writes follows it too.
  const chooseLanguage = async (locale: string | null) => {
    if (!locale || locale === me.locale) return;
    setBusy(true);
    const r = await portierFetch('/account/locale', { method: 'POST', body: JSON.stringify({ locale }) });
    if (r.status === 200) window.location.reload();
    else {
      setBusy(false);
      setOutcome({ ok: false, message: r.body.message });
    }
  };
  const field = (key: keyof PasswordForm, label: string) => (
    <FormGroup>
      <Label htmlFor={`pw-${key}`}>{label}</Label>
      <Input
        id={`pw-${key}`}
        name={key}
        type="password"
        autoComplete={key === 'current' ? 'current-password' : 'new-password'}
        value={form[key]}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value })}
        width={1}
      />
    </FormGroup>
  );

  return (
    <Box variant="grey">
      <Box variant="white" mb="xl">
        <H2>{tm('accountTitle')}</H2>
        <Text mb="default">
          <strong>{[me.firstName, me.lastName].filter(Boolean).join(' ')}</strong> ({me.login}) · {me.email}
        </Text>
        <Text>
          {tm('accountRole')}
          {colon}
          {me.role ?? '—'}
          {me.isAdmin ? ` · ${tm('accountAdmin')}` : ''}
        </Text>
        <Text>
          {tm('accountProfiles')}
          {colon}
          {me.profiles.join(', ') || '—'}
        </Text>
        {me.company && (
          <Text>
            {tm('accountCompany')}
            {colon}
            {me.company}
          </Text>
        )}
        <FormGroup mt="lg" mb="0">
          <Label>{tm('accountLanguage')}</Label>
          <Select
            testId="account-language"
            value={me.locale}
            disabled={busy}
            onChange={(v) => void chooseLanguage(v)}
            options={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
        </FormGroup>
      </Box>
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 24 }}>
        <Box variant="white" flexGrow={1} style={{ minWidth: 320, maxWidth: 520 }} as="form" onSubmit={submit} data-testid="password-form">
          <H4>{tm('passwordTitle')}</H4>
          {field('current', tm('passwordCurrent'))}
          {field('next', tm('passwordNext'))}
          {field('confirm', tm('passwordConfirm'))}
          <Text variant="sm" color="grey60" mb="lg">
            {tm('passwordPolicy')}
          </Text>
          {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="password-outcome" />}
          <Button variant="contained" type="submit" disabled={busy || !form.current || !form.next}>
            {tm('passwordSubmit')}
          </Button>
        </Box>
        <Box variant="white" flexGrow={1} style={{ minWidth: 320 }}>
          <LoginHoursShow record={{ params: { loginHours: me.loginHours ? JSON.stringify(me.loginHours) : '' } }} />
          <H4>{tm('accountRecentSignIns')}</H4>
          {me.signIns.map((s, i) => (
            <Text key={i}>
              {formats.dateTime(s.at)} · {s.success ? tm('accountSignInOk') : `${tm('accountSignInFailed')} (${tm(s.reason)})`}
              {s.ip ? ` · ${s.ip.replace(/^::ffff:/, '')}` : ''}
            </Text>
          ))}
        </Box>
      </Box>
    </Box>
  );
};

export default MyAccountPage;
