import React, { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'adminjs';
import { Badge, Box, Button, H2, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { portierGet } from '../common/portier-api.js';
import { useOrgTimeZone } from '../common/org-formats.js';

interface Mail {
  id: number;
  createdAt: string;
  sentAt: string | null;
  recipientName: string;
  address: string;
  subject: string;
  language: 'fr' | 'en';
  kind: 'invitation' | 'reset';
  status: 'queued' | 'sending' | 'sent' | 'logged' | 'failed';
  error: string | null;
  body?: string;
}

interface MailList {
  total: number;
  page: number;
  perPage: number;
  mails: Mail[];
}

const STATUS_BADGE: Record<Mail['status'], 'success' | 'info' | 'danger' | 'primary' | undefined> = {
  queued: undefined,
  sending: undefined,
  sent: 'success',
  logged: 'info',
  failed: 'danger',
};

/** A mail opened: its body as sent (its link replaced where the outbox may not keep it). */
const MailBody = ({ id, tm, date }: { id: number; tm: (k: string, o?: Record<string, unknown>) => string; date: (iso: string) => string }) => {
  const [mail, setMail] = useState<Mail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    portierGet<{ mail: Mail }>(`/mail/${id}`)
      .then((r) => setMail(r.mail))
      .catch((e) => setError(e.message));
  }, [id]);
  if (error) return <MessageBox variant="danger" message={error} />;
  if (!mail) return <Loader />;
  return (
    <Box data-testid="mail-body">
      <Text mb="sm" color="grey60">
        {[mail.sentAt ? tm('mailSentAt', { date: date(mail.sentAt) }) : null, tm(`mailLanguage_${mail.language}`)].filter(Boolean).join(' · ')}
      </Text>
      {mail.error && <MessageBox mb="md" variant="danger" message={tm('mailError', { error: mail.error })} />}
      <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', background: '#f6f7fb', padding: 16, margin: 0, maxWidth: 760 }}>{mail.body}</pre>
    </Box>
  );
};

/**
 * "Courriers envoyés" (admins only): every mail the backoffice sent, newest first, 25 a page,
 * with its date (in the organisation's zone), recipient, subject, kind and status; a click shows its body.
 */
const SentMailPage = () => {
  const { translateMessage, i18n } = useTranslation();
  const tm = (key: string, options?: Record<string, unknown>) =>
    translateMessage(key, undefined, options && { ...options, interpolation: { escapeValue: false } });
  const locale = i18n?.language === 'en' ? 'en-GB' : 'fr-FR';
  const timeZone = useOrgTimeZone();
  const date = useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (iso: string) => f.format(new Date(iso));
  }, [locale, timeZone]);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<MailList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    portierGet<MailList>(`/mail?page=${page}`)
      .then(setList)
      .catch((e) => setError(e.message));
  }, [page]);
  if (error) return <MessageBox variant="danger" message={tm('mailLoadError', { message: error })} />;
  if (!list) return <Loader />;
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  return (
    <Box variant="grey" data-testid="sent-mail">
      <Box variant="white">
        <H2>{tm('mailTitle')}</H2>
        <Text mb="xl" color="grey60">
          {tm('mailIntro')}
        </Text>
        {list.mails.length === 0 ? (
          <Text color="grey60">{tm('mailEmpty')}</Text>
        ) : (
          <Table data-testid="sent-mail-table">
            <TableHead>
              <TableRow>
                <TableCell>{tm('mailColumnDate')}</TableCell>
                <TableCell>{tm('mailColumnRecipient')}</TableCell>
                <TableCell>{tm('mailColumnSubject')}</TableCell>
                <TableCell>{tm('mailColumnKind')}</TableCell>
                <TableCell>{tm('mailColumnStatus')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {list.mails.map((m) => (
                <React.Fragment key={m.id}>
                  <TableRow data-testid="sent-mail-row">
                    <TableCell style={{ whiteSpace: 'nowrap' }}>{date(m.createdAt)}</TableCell>
                    <TableCell>
                      <Text fontWeight="bold">{m.recipientName}</Text>
                      <Text color="grey60" style={{ whiteSpace: 'nowrap' }}>
                        {m.address}
                      </Text>
                    </TableCell>
                    <TableCell>{m.subject}</TableCell>
                    <TableCell style={{ whiteSpace: 'nowrap' }}>{tm(`mailKind_${m.kind}`)}</TableCell>
                    <TableCell>
                      <Badge size="sm" variant={STATUS_BADGE[m.status]} outline={!STATUS_BADGE[m.status]}>
                        {tm(`mailStatus_${m.status}`)}
                      </Badge>
                    </TableCell>
                    <TableCell style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
                      <Button size="sm" variant="text" onClick={() => setOpen(open === m.id ? null : m.id)} data-testid="sent-mail-open">
                        {tm(open === m.id ? 'mailClose' : 'mailOpen')}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === m.id && (
                    <TableRow>
                      <TableCell colSpan={6}>
                        <MailBody id={m.id} tm={tm} date={date} />
                      </TableCell>
                    </TableRow>
                  )}
                </React.Fragment>
              ))}
            </TableBody>
          </Table>
        )}
        <Box flex mt="lg" style={{ alignItems: 'center', gap: 16 }}>
          <Text color="grey60">
            {list.total === 1 ? tm('mailTotalOne') : tm('mailTotalMany', { count: list.total })} · {tm('mailPageOf', { page, pages })}
          </Text>
          {pages > 1 && (
            <>
              <Button size="sm" variant="outlined" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {tm('mailPrevious')}
              </Button>
              <Button size="sm" variant="outlined" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {tm('mailNext')}
              </Button>
            </>
          )}
        </Box>
      </Box>
    </Box>
  );
};

export default SentMailPage;
