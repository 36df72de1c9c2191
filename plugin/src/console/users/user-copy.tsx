import React, { useState } from 'react';
import { useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { Box, Button, FormGroup, H4, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { rootPath } from '../common/portier-api.js';
import { useSeatConfirm } from '../subscription/seat-warning.js';

const FIELDS: [keyof CopyValues, string][] = [
  ['login', 'text'],
  ['email', 'email'],
  ['firstName', 'text'],
  ['lastName', 'text'],
  ['password', 'password'],
];

interface CopyValues {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

/** A record action's props: AdminJS gives the record (ActionProps has it optional, for resource actions). */
type Props = ActionProps & { record: RecordJSON };

/**
 * "Copier": a new user with this one's role, company, title, department, manager and login hours.
 * A copy that takes a seat over the subscription shows the seat warning first.
 */
const UserCopy = ({ record }: Props) => {
  const { translateMessage: tm, translateProperty: tp } = useTranslation();
  const [values, setValues] = useState<CopyValues>({ login: '', email: '', firstName: '', lastName: '', password: '' });
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; id?: number } | null>(null);
  const seats = useSeatConfirm();
  const go = async () => {
    const r = await seats.send(`/users/${record.id}/copy`, { method: 'POST', body: JSON.stringify(values) });
    if (r) setOutcome({ ok: r.status === 200, message: r.body.message, id: r.body.id });
  };
  return (
    <Box variant="white" data-testid="user-copy">
      <H4>{tm('usersCopyTitle', { login: record.params.login })}</H4>
      <Text mb="lg" color="grey60">
        {tm('usersCopyHelp')}
      </Text>
      {FIELDS.map(([name, type]) => (
        <FormGroup key={name}>
          <Label required={name === 'login' || name === 'email'}>{tp(name, 'User')}</Label>
          <Input
            type={type}
            name={name}
            data-testid={`copy-${name}`}
            value={values[name]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value })}
            style={{ width: 360 }}
          />
        </FormGroup>
      ))}
      <Text mb="lg" color="grey60">
        {tm('usersPasswordOptional')}
      </Text>
      {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="user-copy-outcome" />}
      {seats.warning}
      {outcome?.ok ? (
        <Button as="a" href={`${rootPath()}/resources/User/records/${outcome.id}/edit`}>
          {tm('usersOpenCopy')}
        </Button>
      ) : (
        !seats.warning && (
          <Button variant="contained" onClick={go} data-testid="user-copy-go">
            {tm('usersCopyGo')}
          </Button>
        )
      )}
    </Box>
  );
};

export default UserCopy;
