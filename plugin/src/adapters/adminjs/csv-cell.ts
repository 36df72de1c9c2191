/**
 * One cell of Portier's CSV files (`;`-separated, for French spreadsheets), the audit trail's and
 * the records' exports alike: quoted when it holds `;`, `"` or a line break (RFC 4180), and a
 * text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
 * that a spreadsheet shows it as text and never runs it as a formula (OWASP, "CSV injection").
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
