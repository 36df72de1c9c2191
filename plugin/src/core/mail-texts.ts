/**
 * The mails Portier sends, in French and English: an invitation to choose a first password, and
 * a link to choose a new one (forgotten password). Plain text, short, naming the organisation,
 * who invited the person and until when the link works (Paris time, as every date of the app).
 */
export type MailKind = 'invitation' | 'reset';
export type MailLanguage = 'fr' | 'en';

export interface MailFacts {
  kind: MailKind;
  language: MailLanguage;
  organisation: string;
  /** The recipient's name ("Camille Rivière"), their login when they have none. */
  recipientName: string;
  login: string;
  /** Who sent the invitation (none for a forgotten password). */
  inviterName?: string | null;
  link: string;
  expiresAt: Date;
}

export const MAIL_TIME_ZONE = 'Europe/Paris';

/** "mercredi 9 décembre 2026 à 14:05" / "Wednesday 9 December 2026 at 14:05", Paris time. */
export function mailDate(at: Date, language: MailLanguage): string {
  const day = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: MAIL_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: MAIL_TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  return language === 'fr' ? `${day} à ${time} (heure de Paris)` : `${day} at ${time} (Paris time)`;
}

/** What stands in the outbox for a link that only the mail itself carries. */
export const LINK_PLACEHOLDER: Record<MailLanguage, string> = { fr: '[lien envoyé par e-mail]', en: '[link sent by e-mail]' };

export function mailText(f: MailFacts): { subject: string; body: string } {
  const until = mailDate(f.expiresAt, f.language);
  if (f.language === 'en') {
    if (f.kind === 'invitation') {
      return {
        subject: `${f.organisation}: your access to the backoffice`,
        body: [
          `Hello ${f.recipientName},`,
          '',
          `${f.inviterName ? `${f.inviterName} has given you` : 'You have been given'} access to the backoffice of ${f.organisation}. Your login is ${f.login}.`,
          '',
          'To choose your password, follow this link:',
          f.link,
          '',
          `The link works once, until ${until}. After that, ask for a new one with "Forgot your password?" on the sign-in page.`,
          '',
          `If you were not expecting this message, you may ignore it.`,
          '',
          `— ${f.organisation}`,
        ].join('\n'),
      };
    }
    return {
      subject: `${f.organisation}: choose a new password`,
      body: [
        `Hello ${f.recipientName},`,
        '',
        `Someone (you, we hope) asked for a new password for your account ${f.login} on the backoffice of ${f.organisation}.`,
        '',
        'To choose it, follow this link:',
        f.link,
        '',
        `The link works once, until ${until}. Once the password is chosen, every open session of the account is closed.`,
        '',
        'If you did not ask for it, ignore this message: your password stays as it is.',
        '',
        `— ${f.organisation}`,
      ].join('\n'),
    };
  }
  if (f.kind === 'invitation') {
    return {
      subject: `${f.organisation} : votre accès au backoffice`,
      body: [
        `Bonjour ${f.recipientName},`,
        '',
        `${f.inviterName ? `${f.inviterName} vous a ouvert un accès au backoffice de ${f.organisation}` : `Un accès au backoffice de ${f.organisation} vous a été ouvert`}. Votre identifiant est ${f.login}.`,
        '',
        'Pour choisir votre mot de passe, suivez ce lien :',
        f.link,
        '',
        `Le lien ne sert qu'une fois, jusqu'au ${until}. Passé ce délai, demandez-en un nouveau avec « Mot de passe oublié ? » sur la page de connexion.`,
        '',
        "Si vous n'attendiez pas ce message, ignorez-le.",
        '',
        `— ${f.organisation}`,
      ].join('\n'),
    };
  }
  return {
    subject: `${f.organisation} : choisissez un nouveau mot de passe`,
    body: [
      `Bonjour ${f.recipientName},`,
      '',
      `Quelqu'un (vous, espérons-le) a demandé un nouveau mot de passe pour votre compte ${f.login} sur le backoffice de ${f.organisation}.`,
      '',
      'Pour le choisir, suivez ce lien :',
      f.link,
      '',
      `Le lien ne sert qu'une fois, jusqu'au ${until}. Une fois le mot de passe choisi, toutes les sessions ouvertes du compte sont fermées.`,
      '',
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
      '',
      `— ${f.organisation}`,
    ].join('\n'),
  };
}
