import type { Text } from './language.js';

/**
 * Input the server will not take: 400 (413 for a body too large, 415 for a kind of body it does
 * not read) with what was wrong, in both languages. Nothing was changed: every write runs in a
 * transaction that the error rolls back.
 */
export class BadInput extends Error {
  constructor(
    readonly what: Text,
    readonly status = 400,
  ) {
    super(what.en);
    this.name = 'BadInput';
  }
}

export const badInput = (fr: string, en: string, status = 400) => new BadInput({ fr, en }, status);

interface PgLike {
  code?: string;
  message?: string;
  detail?: string;
  column?: string;
  driverError?: PgLike;
}

/** PostgreSQL's type names as a reader would say them. */
function typeName(message: string): Text {
  if (/enum/.test(message)) return { fr: 'une valeur de la liste proposée', en: 'one of the listed values' };
  if (/integer|bigint|smallint/.test(message)) return { fr: 'un nombre entier', en: 'a whole number' };
  if (/numeric|double|real/.test(message)) return { fr: 'un nombre', en: 'a number' };
  if (/timestamp|date|time/.test(message)) return { fr: 'une date (AAAA-MM-JJ)', en: 'a date (YYYY-MM-DD)' };
  if (/boolean/.test(message)) return { fr: 'vrai ou faux', en: 'true or false' };
  if (/json/.test(message)) return { fr: 'du JSON valide', en: 'valid JSON' };
  return { fr: 'une valeur du bon type', en: 'a value of the right type' };
}

/**
 * What was wrong, for the errors that bad input provokes further down when a check above let it
 * through: PostgreSQL's data errors (class 22) and constraint violations (class 23), and the
 * body parsers' refusals. Anything else is not the client's fault: null (a 500, logged).
 */
export function badInputOf(error: unknown): BadInput | null {
  if (error instanceof BadInput) return error;
  // A `%` sequence that decodes to nothing, in a route's parameter (Express) or elsewhere in the path.
  if (error instanceof URIError) return badInput('adresse mal encodée (séquence % invalide)', 'malformed URL encoding (invalid % sequence)');
  const e = error as PgLike & { type?: string; status?: number; limit?: number };
  // body-parser (express.json / express.urlencoded)
  if (e?.type === 'entity.parse.failed') return badInput('corps de requête illisible (JSON mal formé)', 'unreadable request body (malformed JSON)');
  if (e?.type === 'entity.too.large')
    return badInput(`requête trop volumineuse (${e.limit} octets au plus)`, `request too large (at most ${e.limit} bytes)`, 413);
  if (e?.type === 'parameters.too.many') return badInput('trop de paramètres', 'too many parameters', 413);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return badInput('encodage du corps non pris en charge', 'unsupported body encoding', 415);
  const pg = e?.driverError ?? e;
  const code = typeof pg?.code === 'string' ? pg.code : '';
  const message = pg?.message ?? '';
  switch (code) {
    case '22P02': {
      const t = typeName(message);
      return badInput(`valeur mal formée : ${t.fr} est attendu`, `malformed value: ${t.en} was expected`);
    }
    case '22003':
      return /out of range for type (integer|smallint|bigint)/.test(message)
        ? badInput('nombre hors limites (un identifiant va de 1 à 2 147 483 647)', 'number out of range (an id runs from 1 to 2,147,483,647)')
        : badInput('nombre trop grand pour ce champ', 'number too large for this field');
    case '22007':
    case '22008':
      return badInput('date invalide (AAAA-MM-JJ, ou un instant ISO 8601)', 'invalid date (YYYY-MM-DD, or an ISO 8601 instant)');
    case '22001': {
      const n = /\((\d+)\)/.exec(message)?.[1];
      return n
        ? badInput(`texte trop long (${n} caractères au plus)`, `text too long (at most ${n} characters)`)
        : badInput('texte trop long', 'text too long');
    }
    case '2201W':
    case '2201X':
      return badInput(
        'pagination invalide : la page commence à 1, le nombre par page est positif',
        'invalid paging: pages start at 1, the number per page is positive',
      );
    case '22021':
    case '22P05':
      return badInput('caractère invalide dans le texte', 'invalid character in the text');
    case '54000':
      return badInput('valeur trop longue', 'value too long');
    case '23505': {
      const [, key, value] = /Key \(([^)]*)\)=\((.*)\) already exists/.exec(pg?.detail ?? '') ?? [];
      if (key && /(^|, )reference$/.test(key)) return badInput(`référence déjà utilisée (${value})`, `reference already in use (${value})`);
      return key ? badInput(`valeur déjà utilisée (${key})`, `value already in use (${key})`) : badInput('valeur déjà utilisée', 'value already in use');
    }
    case '23503':
      return /still referenced/.test(pg?.detail ?? '')
        ? badInput("d'autres enregistrements s'y rapportent encore", 'other records still refer to it')
        : badInput("un enregistrement lié n'existe pas", 'a linked record does not exist');
    case '23502':
      return badInput(`champ obligatoire manquant${pg?.column ? ` (${pg.column})` : ''}`, `missing required field${pg?.column ? ` (${pg.column})` : ''}`);
    case '23514':
      return badInput('valeur refusée par une règle de cohérence', 'value refused by a consistency rule');
    default:
      return null;
  }
}
