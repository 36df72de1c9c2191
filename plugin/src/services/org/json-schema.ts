import { z } from 'zod';
import { orgDocumentSchema, targetSchema } from './document.js';

/**
 * The organisation file as a JSON Schema (draft 2020-12), generated from the zod schema the
 * importer parses with, so the two cannot drift. It describes the file's shape only: the
 * checks across rows (names that must exist, tiers, the last admin...) are the importer's.
 * `docs/spec/org-file.schema.json` is this output; a test keeps it current.
 */
export function orgFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(orgDocumentSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
    // A rule target's "exactly one key" is a zod refinement, which JSON Schema cannot read.
    override: (ctx) => {
      if (ctx.zodSchema === targetSchema) Object.assign(ctx.jsonSchema, { minProperties: 1, maxProperties: 1 });
    },
  });
  return {
    $schema: schema.$schema,
    $id: 'https://portier.example/org-file.schema.json',
    title: 'Portier organisation file',
    description: 'A whole access set-up (profiles, roles, teams, users, subscription, sharing) and optionally its records. ' + 'See docs/spec/org-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
