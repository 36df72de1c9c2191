import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The worked example of the spec (docs/spec/) and what each of its users may do. */
export const EXAMPLE_FILE = path.join(root, 'test/fixtures/example-org.json');
export const EXPECTED_FILE = path.join(root, 'test/fixtures/example-org.expected.json');
export const DEMO_SEED_FILE = path.join(root, 'seeds/demo-org.json');

export function readJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A deep copy of the example organisation, to mutate freely. */
export function example(): any {
  return readJson(EXAMPLE_FILE);
}

/**
 * The example with seats to spare in every tier: the example's subscription is exactly
 * full (docs/spec/seats.md), so that any new seat goes over; tests about something else use this one.
 */
export function exampleWithSpareSeats(): any {
  const doc = example();
  doc.subscription = { seats: { limited: 50, standard: 50, premium: 50, connect: 50, invoicing: 50, accounting: 50, commercial: 50 } };
  return doc;
}

/**
 * A canonical form of an organisation document: passwords dropped, keys sorted, lists sorted
 * (import order does not matter, docs/spec/org-format.md), so that two documents compare by meaning.
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => k !== 'password')
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
