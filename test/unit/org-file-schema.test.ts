import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { orgFileJsonSchema } from '../../plugin/src/services/org/json-schema.js';
import { orgDocumentSchema } from '../../plugin/src/services/org/document.js';
import { DEMO_SEED_FILE, EXAMPLE_FILE, example, readJson } from '../support/examples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMMITTED = path.join(root, 'docs/spec/org-file.schema.json');

describe('the organisation file JSON Schema (docs/spec/org-file.schema.json)', () => {
  const schema = orgFileJsonSchema();
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

  it("is the one generated from the importer's zod schema (npm run org -- schema docs/spec/org-file.schema.json)", () => {
    expect(readJson(COMMITTED)).toEqual(schema);
  });

  it.each([
    ['the example organisation', EXAMPLE_FILE],
    ['the demo organisation', DEMO_SEED_FILE],
  ])('accepts %s', (_, file) => {
    expect(validate(readJson(file)) ? [] : validate.errors).toEqual([]);
  });

  // Each case is a file the importer refuses for its shape: the schema must refuse it too.
  const broken: Array<[string, (doc: any) => void]> = [
    [
      'a version other than 1',
      (d) => {
        d.version = 2;
      },
    ],
    [
      'an unknown top-level key',
      (d) => {
        d.extra = true;
      },
    ],
    [
      'an unknown capability',
      (d) => {
        d.profiles[0].capabilities = ['rootAccess'];
      },
    ],
    [
      'an unknown sharing level',
      (d) => {
        d.sharing.defaults.Lead = 'public';
      },
    ],
    [
      'a rule target with two keys',
      (d) => {
        d.sharing.rules[0].from = { role: 'A', team: 'B' };
      },
    ],
    [
      'a role with no profile',
      (d) => {
        d.roles[0].profiles = [];
      },
    ],
    [
      'a user field of the wrong type',
      (d) => {
        d.users[0].isAdmin = 'yes';
      },
    ],
    [
      'an unknown field on a profile',
      (d) => {
        d.profiles[0].colour = 'red';
      },
    ],
  ];
  it.each(broken)('refuses %s, as the importer does', (_, breakIt) => {
    const doc = example();
    breakIt(doc);
    expect(orgDocumentSchema.safeParse(doc).success).toBe(false);
    expect(validate(doc)).toBe(false);
  });
});
