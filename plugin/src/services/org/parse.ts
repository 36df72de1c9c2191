import type { z } from 'zod';
import { orgDocumentSchema, profileSchema, roleSchema, ruleSchema, teamSchema, userSchema, type OrgDocument, type OrgRule } from './document.js';
import { ErrorList } from './json-path.js';
import { normaliseNames } from './names.js';

/** Names of list items that failed the schema: references to them are not reported again. */
export interface GhostNames {
  profiles: Set<string>;
  roles: Set<string>;
  teams: Set<string>;
  users: Set<string>;
}

export interface Parsed {
  doc: OrgDocument;
  errors: ErrorList;
  ghosts: GhostNames;
}

/**
 * Checks the document's shape item by item, so that one bad user does not hide the errors of
 * the others: every item that fits is kept for the semantic checks that follow.
 */
export function parseOrgDocument(input: unknown): Parsed {
  const errors = new ErrorList();
  const ghosts: GhostNames = { profiles: new Set(), roles: new Set(), teams: new Set(), users: new Set() };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.add([], 'an organisation file is a JSON object');
    return { doc: { version: 1 }, errors, ghosts };
  }
  const raw = input as Record<string, unknown>;
  const lists = {
    profiles: [profileSchema, 'name'],
    roles: [roleSchema, 'name'],
    teams: [teamSchema, 'name'],
    users: [userSchema, 'login'],
  } as const;

  // Every other top-level section on its own, so that one bad section hides nothing else.
  const doc: OrgDocument = { version: 1 };
  const shape = orgDocumentSchema.shape;
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(shape, key)) errors.add([key], `unknown key (known: ${Object.keys(shape).join(', ')})`);
  }
  if (raw.version !== 1) errors.add(['version'], raw.version === undefined ? 'required: 1' : 'must be 1');
  const sharing = raw.sharing as Record<string, unknown> | undefined;
  const rules = sharing && typeof sharing === 'object' && Array.isArray(sharing.rules) ? (sharing.rules as unknown[]) : null;
  for (const key of ['subscription', 'sharing', 'records', ...Object.keys(lists)] as const) {
    if (raw[key] === undefined) continue;
    const isList = key in lists && Array.isArray(raw[key]);
    const value = isList ? [] : key === 'sharing' && rules ? { ...sharing, rules: [] } : raw[key];
    const r = (shape[key as keyof typeof shape] as z.ZodType).safeParse(value);
    if (r.success) (doc as Record<string, unknown>)[key] = r.data;
    else addIssues(errors, [key], r.error.issues);
  }

  for (const [key, [schema, nameKey]] of Object.entries(lists) as Array<[keyof typeof lists, readonly [z.ZodType, string]]>) {
    if (!Array.isArray(raw[key])) continue;
    const kept: unknown[] = [];
    (raw[key] as unknown[]).forEach((item, i) => {
      const r = schema.safeParse(item);
      if (r.success) kept.push(r.data);
      else {
        addIssues(errors, [key, i], r.error.issues);
        const name = (item as Record<string, unknown> | null)?.[nameKey];
        if (typeof name === 'string') ghosts[key].add(name);
      }
    });
    (doc as Record<string, unknown>)[key] = kept;
  }
  if (rules) {
    const kept: OrgRule[] = [];
    rules.forEach((item, i) => {
      const r = ruleSchema.safeParse(item);
      if (r.success) kept.push(r.data);
      else addIssues(errors, ['sharing', 'rules', i], r.error.issues);
    });
    doc.sharing = { ...(doc.sharing ?? {}), rules: kept };
  }
  normaliseNames(doc, errors);
  return { doc, errors, ghosts };
}

function addIssues(errors: ErrorList, prefix: PropertyKey[], issues: z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) errors.add([...prefix, ...issue.path, k], 'unknown key');
      continue;
    }
    errors.add([...prefix, ...issue.path], issueMessage(issue));
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `required (${issue.expected})` : `must be ${article(issue.expected)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
