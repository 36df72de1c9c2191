import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The layout's rules (README.md, Layout), checked on the sources: SQL lives in
 * plugin/src/adapters/postgres; the AdminJS binding and the console (routes and components) call
 * it and hold none; the core imports no framework. Read with TypeScript's parser, so that a word
 * in a comment or a UI text is not taken for code and every finding names its line.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(root, 'plugin', 'src');

const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(path);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * SQL statements in a string or template literal. Upper case only: it is how the code writes SQL,
 * and the English UI texts do say "select ... from" in lower case.
 */
const SQL_STATEMENTS: Array<[RegExp, string]> = [
  [/\bSELECT\b[\s\S]*\bFROM\b/, 'SELECT … FROM'],
  [/\bINSERT\s+INTO\b/, 'INSERT INTO'],
  [/\bUPDATE\b[\s\S]*\bSET\b/, 'UPDATE … SET'],
  [/\bDELETE\s+FROM\b/, 'DELETE FROM'],
];

/** Calls that run SQL: a query, a query builder, a repository, the entity manager's own methods. */
const SQL_CALLS = new Set(['query', 'createQueryBuilder', 'getRepository']);
/** A bare `query(…)` is any local function (the owner picker's URL); only a method call runs SQL. */
const BARE_SQL_CALLS = new Set(['createQueryBuilder', 'getRepository']);

const DRIVERS = (m: string) => m === 'typeorm' || m.startsWith('typeorm/') || m === 'pg' || m.startsWith('pg/');
const FRAMEWORKS = (m: string) => m === 'adminjs' || m.startsWith('@adminjs/') || m === 'express' || DRIVERS(m);

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (file.endsWith('.js') || file.endsWith('.mjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Whether an import or export brings a value (not only types) at run time. */
function bringsValue(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    return !node.exportClause || !ts.isNamedExports(node.exportClause) || node.exportClause.elements.some((e) => !e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return true; // `import 'pg'`: run for its effects
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  return ts.isNamespaceImport(bindings) || bindings.elements.some((e) => !e.isTypeOnly);
}

/** The text of a literal, with `${…}` standing for each substitution of a template. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `\${…}${s.literal.text}`).join('');
  return null;
}

interface Rules {
  /** No SQL: no query calls, no SQL statements in literals, no value import of the drivers. */
  noSql: boolean;
  /** No import at all (types included) of AdminJS, Express, TypeORM or pg. */
  noFrameworks: boolean;
}

/** What a source breaks of the rules, as `file:line: what`. */
function findings(file: string, text: string, rules: Rules): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${file}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (rules.noFrameworks && FRAMEWORKS(from)) at(node, `imports '${from}' (the core imports no framework)`);
      else if (rules.noSql && DRIVERS(from) && bringsValue(node)) at(node, `imports a value from '${from}' (only types may be imported here)`);
      return;
    }
    if (rules.noSql && ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && SQL_CALLS.has(callee.name.text)) at(node, `calls .${callee.name.text}(…)`);
      else if (ts.isIdentifier(callee) && BARE_SQL_CALLS.has(callee.text)) at(node, `calls ${callee.text}(…)`);
      else if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'manager') {
        at(node, `calls .manager.${callee.name.text}(…)`);
      }
    }
    if (rules.noSql) {
      const literal = literalText(node);
      if (literal !== null) {
        const statement = SQL_STATEMENTS.find(([re]) => re.test(literal));
        if (statement) at(node, `holds SQL (${statement[1]})`);
        return; // a template's spans were read with it
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function findingsUnder(dirs: string[], rules: Rules): string[] {
  return dirs
    .flatMap((d) => sourcesUnder(join(src, d)))
    .flatMap((file) => findings(relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8'), rules));
}

describe('the layout of plugin/src', () => {
  it('holds no SQL under the AdminJS adapter or the console: it lives in adapters/postgres', () => {
    expect(findingsUnder(['adapters/adminjs', 'console'], { noSql: true, noFrameworks: false })).toEqual([]);
  });

  it('keeps the core pure: no AdminJS, Express, TypeORM or pg', () => {
    expect(findingsUnder(['core'], { noSql: false, noFrameworks: true })).toEqual([]);
  });
});

// The checker itself, on small sources: each rule must be able to fail.
describe('the layout checker', () => {
  const noSql = { noSql: true, noFrameworks: false };
  const core = { noSql: false, noFrameworks: true };

  it('names the file and line of each kind of SQL', () => {
    const text = [
      "import { In } from 'typeorm';",
      "import type { DataSource } from 'typeorm';",
      "import { type EntityManager } from 'typeorm';",
      "import pg from 'pg';",
      'await ds.query(sql);',
      'ds.createQueryBuilder();',
      'ds.getRepository(User);',
      'getRepository(User);',
      'await ds.manager.save(user);',
      'const a = `SELECT id',
      '  FROM team WHERE id = ${id}`;',
      "const b = 'INSERT INTO team (name) VALUES ($1)';",
      'const c = `UPDATE team SET name = $1`;',
      'const d = "DELETE FROM team";',
    ].join('\n');
    expect(findings('x.ts', text, noSql)).toEqual([
      "x.ts:1: imports a value from 'typeorm' (only types may be imported here)",
      "x.ts:4: imports a value from 'pg' (only types may be imported here)",
      'x.ts:5: calls .query(…)',
      'x.ts:6: calls .createQueryBuilder(…)',
      'x.ts:7: calls .getRepository(…)',
      'x.ts:8: calls getRepository(…)',
      'x.ts:9: calls .manager.save(…)',
      'x.ts:10: holds SQL (SELECT … FROM)',
      'x.ts:12: holds SQL (INSERT INTO)',
      'x.ts:13: holds SQL (UPDATE … SET)',
      'x.ts:14: holds SQL (DELETE FROM)',
    ]);
  });

  it('leaves alone comments, UI texts and request queries', () => {
    const text = [
      '// SELECT name FROM team: read by teamsPage',
      "const help = 'Select a user from the list';",
      'const q = req.query.q;',
      'const url = query(text);',
      'const el = <p>Choose one</p>;',
    ].join('\n');
    expect(findings('x.jsx', text, noSql)).toEqual([]);
  });

  it('refuses any framework import in the core, types included', () => {
    const text = [
      "import type { Filter } from 'adminjs';",
      "import { Resource } from '@adminjs/typeorm';",
      "import type { Request } from 'express';",
      "import type { DataSource } from 'typeorm';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(findings('core.ts', text, core)).toEqual([
      "core.ts:1: imports 'adminjs' (the core imports no framework)",
      "core.ts:2: imports '@adminjs/typeorm' (the core imports no framework)",
      "core.ts:3: imports 'express' (the core imports no framework)",
      "core.ts:4: imports 'typeorm' (the core imports no framework)",
    ]);
  });
});
