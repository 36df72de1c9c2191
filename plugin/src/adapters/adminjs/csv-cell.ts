/** What a spreadsheet may take for the start of a formula, after any leading spaces (fullwidth forms too, which some convert). */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
/** The same after a character some reader may split a line at (`,` `;` tab, line ends), inside a cell. */
const FORMULA_INSIDE = /([,;\t\r\n][\s\u00a0\u3000]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/**
 * One cell of Portier's CSV files (`;`-separated, for French spreadsheets), the audit trail's and
 * the records' exports alike (OWASP, "CSV injection"):
 * - **every cell is quoted** (RFC 4180, `"` doubled): a spreadsheet that splits on `,` rather
 *   than `;` (an English locale) would otherwise cut `x,=HYPERLINK(…)` into a second cell that
 *   starts with `=`;
 * - a text that starts with `=`, `+`, `-`, `@` (after spaces, or in their fullwidth forms), a tab,
 *   a carriage return or a line feed gets a leading `'`, so that a spreadsheet shows it as text
 *   and never runs it as a formula (a negative number too is then text);
 * - so does a formula start that follows a `,`, `;`, tab or line end inside the text: a reader that
 *   splits the line on another separator and honours quotes only at a cell's start (an English
 *   spreadsheet opening this file) would begin a cell there.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '""';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  s = s.replace(FORMULA_INSIDE, "$1'");
  return `"${s.replace(/"/g, '""')}"`;
}
