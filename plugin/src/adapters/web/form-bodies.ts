import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AsyncResource } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';
import formidable from 'formidable';
import { BadInput, badInput } from './bad-input.js';
import { countEn, countFr } from '../../core/refusals.js';

/** What a resource that takes files declares: how large each may be, how many one request may carry. */
export interface UploadRule {
  maxFileSize: number;
  maxFiles: number;
}

export interface FormBodyOptions {
  /** The uploads this request may carry, or null: file parts are refused. */
  uploadsFor(req: Request): UploadRule | null;
  /** The form's fields, all together (a profile's form is the largest: a few hundred small fields). */
  maxFieldsBytes?: number;
  maxFields?: number;
}

const FILE_REFUSED = () => badInput("ce formulaire n'accepte pas de fichier", 'this form takes no file', 400);
const TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded|application\/json)\b/i;

let uploadDir: string | null = null;
/** Uploads go to a folder of their own (mode 700), never shared with other programs' temporary files. */
function uploadFolder(): string {
  uploadDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'portier-uploads-'));
  return uploadDir;
}

/**
 * The bodies of AdminJS's forms and API calls (multipart, urlencoded or JSON), parsed with
 * formidable as AdminJS's own binding does — but mounted after authentication, so that nobody
 * makes the server read a body before they are known. File parts are refused unless the
 * resource declares uploads, and then bounded in size and number; whatever a request wrote to
 * disk is removed when its answer ends, whatever the outcome. Sets `req.fields` and `req.files`
 * as AdminJS's routes expect.
 */
export function formBodies(options: FormBodyOptions): RequestHandler {
  const maxFieldsBytes = options.maxFieldsBytes ?? 2 * 1024 * 1024;
  const maxFields = options.maxFields ?? 2000;
  return (req, res, rawNext) => {
    const next = AsyncResource.bind(rawNext); // in the request's context (its access), whatever the stream's
    const r = req as Request & { fields?: object; files?: object; express_formidable?: { parsed: boolean } };
    r.express_formidable = { parsed: true }; // AdminJS's own parser, if mounted, leaves it alone
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) {
      r.fields = {};
      r.files = {};
      return next();
    }
    if (!TYPES.test(req.headers['content-type'] ?? '')) {
      return next(
        badInput(
          'type de corps non pris en charge (multipart/form-data, urlencoded ou JSON attendu)',
          'unsupported body type (multipart/form-data, urlencoded or JSON expected)',
          415,
        ),
      );
    }
    const uploads = options.uploadsFor(req);
    const limit = maxFieldsBytes + (uploads ? uploads.maxFileSize * uploads.maxFiles : 0);
    const tooLarge = () => badInput(`requête trop volumineuse (${limit} octets au plus)`, `request too large (at most ${limit} bytes)`, 413);
    if (Number(req.headers['content-length'] ?? 0) > limit) return next(tooLarge());

    const written: string[] = [];
    res.on('close', () => {
      for (const file of written) fs.rm(file, { force: true }, () => {});
    });
    const form = new formidable.IncomingForm({
      maxFields,
      maxFieldsSize: maxFieldsBytes,
      maxFileSize: uploads?.maxFileSize ?? 1,
      multiples: true,
      uploadDir: uploads ? uploadFolder() : os.tmpdir(),
    });
    let files = 0;
    form.onPart = (part) => {
      if (part.filename === undefined) return form.handlePart(part);
      if (!uploads) return form._error(FILE_REFUSED());
      if (++files > uploads.maxFiles)
        return form._error(badInput(`${countFr(uploads.maxFiles, 'fichier')} au plus`, `at most ${countEn(uploads.maxFiles, 'file')}`, 413));
      form.handlePart(part);
    };
    form.on('fileBegin', (_name: string, file: { path: string }) => written.push(file.path));
    // A field sent twice is refused, not decided by the last one (formidable keeps the last):
    // AdminJS's forms name each value apart (`tags.0`, `tags.1`), so a repeat is never theirs.
    const named = new Set<string>();
    form.on('field', (name: string) => {
      if (named.has(name)) form._error(badInput(`le champ ${name} est envoyé deux fois`, `field ${name} is sent twice`));
      named.add(name);
    });
    form.on('progress', (received: number) => {
      if (received > limit) form._error(tooLarge());
    });
    let done = false; // formidable's JSON parser reports an error, then ends anyway
    form.parse(req, (error, fields, parsed) => {
      if (done) return;
      done = true;
      if (error) {
        if (error instanceof BadInput) return next(error);
        // formidable's own limits, said with the limit; anything else it could not read.
        if (/maxFileSize exceeded/.test(error.message) && uploads) {
          return next(
            badInput(`fichier trop volumineux (${uploads.maxFileSize} octets au plus)`, `file too large (at most ${uploads.maxFileSize} bytes)`, 413),
          );
        }
        if (/maxFieldsSize exceeded/.test(error.message)) return next(tooLarge());
        return next(badInput('formulaire illisible ou incomplet', 'unreadable or incomplete form'));
      }
      r.fields = fields;
      r.files = parsed;
      next();
    });
  };
}
