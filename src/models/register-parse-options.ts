/**
 * 名录解析选项 — options shared by {@link parseEntityRegister}, {@link parseInspectorRegister} and
 * {@link parseItemList}. `Field` is the parser's input-field name type (e.g. {@link EntityInputField}).
 *
 * Column rules (all three parsers):
 * - A column is resolved by its key, trimmed (and without a byte-order mark): a field name (`creditCode`),
 *   a default Chinese header (`统一社会信用代码`, see `ENTITY_HEADERS` …) or one of `headers`.
 * - A column that resolves to nothing is an `UNKNOWN_FIELD` issue (path `[row, column]`) unless
 *   `unknownFields: 'ignore'`; either way its value never reaches the typed data.
 * - `undefined`, `null` and text that is empty after trimming mean "absent". Text is trimmed.
 * - Two columns of one row filling one field with different values is a `CONFLICTING_COLUMNS` issue.
 * - List cells are arrays or text split on `,` `，` `、` `;` `；` and line breaks (an in-cell line break of a
 *   spreadsheet); nothing else splits (`食品经营|网络交易/其他` is one value).
 * - Numbers are read as their decimal text, except numbers whose digits a spreadsheet may have lost:
 *   `NUMBER_PRECISION_LOST` for an integer beyond ±(2^53 − 1) in any text cell, and for any number that is not
 *   a safe integer in an identifier cell (编号, 统一社会信用代码, 其他标识值, 执法证号). Export such columns as text.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const options: RegisterParseOptions<EntityInputField> = { headers: { 主体名称全称: 'name' }, unknownFields: 'ignore' };
 * ```
 */
export interface RegisterParseOptions<Field extends string = string> {
  /**
   * Extra column headers → input field names, added to the default header table (and winning over a
   * default header spelled the same). A header mapped to an unknown field throws `INVALID_OPTION`.
   * @defaultValue `{}` (the default headers only)
   */
  readonly headers?: Readonly<Record<string, Field>>;
  /**
   * What to do with a column that maps to no field: `'error'` reports `UNKNOWN_FIELD`, `'ignore'` skips it.
   * @defaultValue `'error'`
   */
  readonly unknownFields?: 'error' | 'ignore';
}
