/** RFC 4180 cell encoding with formula-injection protection. */

const FORMULA_START: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Encodes one cell: a text starting with = + - @ (or tab / CR) gets a leading apostrophe so spreadsheet
 * programs show it as text instead of running it (OWASP "CSV injection"); then, when the cell holds a
 * comma, quote, CR or LF (or the apostrophe guard was added), it is quoted with inner quotes doubled.
 */
export function csvCell(value: string): string {
  const guarded = value.length > 0 && FORMULA_START.includes(value[0] ?? '') ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Encodes rows as RFC 4180 text: CRLF between records and after the last one. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
