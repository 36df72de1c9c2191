import React, { useState } from 'react';
import { Box, Button, H5, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { Picker, TextField } from '../common/access-pickers.js';
import { portierFetch } from '../common/portier-api.js';
import type { Translate } from '../common/translate.js';
import { say } from './access-requests-text.js';
import type { TeamUser } from './access-requests-team.js';
import { RightsPicker, type Rights } from './access-requests-rights.js';

type RequestType = 'newUser' | 'roleChange' | 'deactivation';

interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  roleId: number | null;
  /** How the rights are asked for: ticked per module, or a profile. */
  how: 'modules' | 'profile';
  wantedRights: Rights;
  wantedProfileId: number | null;
  reason: string;
  note: string;
}

interface RequestFormProps {
  type: RequestType;
  /** The user the request is about; null for a new user. */
  user: TeamUser | null;
  roles: { id: number; name: string }[];
  profiles: { id: number; name: string }[];
  /** The modules a request may name, in the catalog's order. */
  modules: string[];
  tm: Translate;
  onSent: (message: string) => void;
  onCancel: () => void;
}

/** A labelled field of the form. */
const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box mb="lg" mr="lg">
    <Label>{label}</Label>
    {children}
  </Box>
);

const EMPTY: FormValues = {
  firstName: '',
  lastName: '',
  email: '',
  title: '',
  roleId: null,
  how: 'modules',
  wantedRights: {},
  wantedProfileId: null,
  reason: '',
  note: '',
};

/**
 * A team lead's request: a new user (names, e-mail, position, note) or a change of the rights of a
 * user of their teams — the rights wanted ticked per module, or a profile, with a role suggested if
 * they know one — or a deactivation (reason, note). The server checks everything and says what is
 * wrong; the form shows its message and keeps what was typed.
 */
const RequestForm = ({ type, user, roles, profiles, modules, tm, onSent, onCancel }: RequestFormProps) => {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof FormValues>(key: K) =>
    (value: FormValues[K]) =>
      setValues({ ...values, [key]: value });
  const text = (key: 'firstName' | 'lastName' | 'email' | 'title' | 'reason', label: string, width = 240) => (
    <Field label={label}>
      <TextField testId={`request-${key}`} value={values[key]} onChange={set(key)} width={width} />
    </Field>
  );
  const send = async () => {
    const wanted =
      values.how === 'modules'
        ? { wantedRights: values.wantedRights, roleId: values.roleId }
        : { wantedProfileId: values.wantedProfileId, roleId: values.roleId };
    const body =
      type === 'newUser'
        ? { type, firstName: values.firstName, lastName: values.lastName, email: values.email, title: values.title, ...wanted, note: values.note }
        : type === 'roleChange'
          ? { type, userId: user?.id, ...wanted, note: values.note }
          : { type, userId: user?.id, reason: values.reason, note: values.note };
    setBusy(true);
    const r = await portierFetch('/requests', { method: 'POST', body: JSON.stringify(body) });
    setBusy(false);
    if (r.status === 201) onSent(r.body.message);
    else setError(r.body.message ?? r.body.error);
  };
  const title =
    type === 'newUser'
      ? tm('requestsNewUserTitle')
      : say(tm, type === 'roleChange' ? 'requestsRoleChangeFor' : 'requestsDeactivationFor', { name: user?.fullName, role: user?.role ?? '—' });
  return (
    <Box mt="lg" p="lg" style={{ border: '1px solid #E6E6EE', background: '#FAFAFC' }} data-testid="request-form" data-type={type}>
      <H5 mb="lg">{title}</H5>
      <Box flex flexWrap="wrap">
        {type === 'newUser' && (
          <>
            {text('firstName', tm('requestsFirstName'))}
            {text('lastName', tm('requestsLastName'))}
            {text('email', tm('requestsEmail'), 300)}
            {text('title', tm('requestsPosition'), 300)}
          </>
        )}
        {type === 'deactivation' && text('reason', tm('requestsReason'), 420)}
      </Box>
      {type !== 'deactivation' && (
        <Box mb="lg" data-testid="request-wanted">
          <Label required>{tm('requestsWantedHow')}</Label>
          <Text variant="sm" color="grey60" mb="sm">
            {tm('requestsWantedIntro')}
          </Text>
          <Box flex style={{ gap: 18 }} mb="md">
            {(['modules', 'profile'] as const).map((how) => (
              <label key={how} style={{ display: 'flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
                <input type="radio" name={`how-${user?.id ?? 'new'}`} checked={values.how === how} data-how={how} onChange={() => set('how')(how)} />
                {tm(how === 'modules' ? 'requestsWantedByModule' : 'requestsWantedByProfile')}
              </label>
            ))}
          </Box>
          {values.how === 'modules' ? (
            <RightsPicker modules={modules} value={values.wantedRights} onChange={set('wantedRights')} />
          ) : (
            <Picker
              testId="request-profile"
              value={values.wantedProfileId}
              onChange={set('wantedProfileId')}
              placeholder={tm('requestsChooseProfile')}
              options={profiles.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
        </Box>
      )}
      {type !== 'deactivation' && (
        <Field label={tm('requestsSuggestedRole')}>
          <Picker
            testId="request-role"
            value={values.roleId}
            onChange={set('roleId')}
            placeholder={tm('requestsNoRole')}
            options={roles.filter((r) => r.id !== user?.roleId).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Field>
      )}
      <Field label={tm('requestsNote')}>
        <TextArea
          data-testid="request-note"
          value={values.note}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('note')(e.target.value)}
          rows={2}
          style={{ width: '100%', maxWidth: 760 }}
        />
      </Field>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="request-form-error" />}
      <Box flex style={{ gap: 8 }}>
        <Button variant="contained" disabled={busy} onClick={send} data-testid="request-send">
          {tm('requestsSend')}
        </Button>
        <Button variant="outlined" disabled={busy} onClick={onCancel}>
          {tm('requestsCancel')}
        </Button>
      </Box>
    </Box>
  );
};

export default RequestForm;
