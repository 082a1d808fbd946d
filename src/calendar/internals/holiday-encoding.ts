/**
 * The compact text form of one State Council notice used by the generated `holiday-data.ts`, and its
 * decoder. Written by `scripts/gen-holidays.ts` (which checks that decoding gives back every entry).
 *
 * One notice is `name:token,token;name:token…`: one group per holiday name, in the notice's order.
 * A token is `[+][<]MMDD` or `[+][<]MMDD-[<]MMDD` (an inclusive range of consecutive days):
 * `+` marks make-up working days (调休上班, `isOffDay: false`), no `+` marks rest days;
 * `<` marks a date in the year before the notice year (the late-December days some notices set).
 *
 * @module
 */
import { daysFromCivil, plainDateOf, type PlainDate } from '../../internals/plain-date.js';

/** One notice as stored in the generated table: [notice year, paper URLs, encoded days]. */
export type EncodedNotice = readonly [year: number, papers: readonly string[], days: string];

/** One decoded entry of a notice. */
export interface DecodedNoticeDay {
  readonly name: string;
  readonly date: PlainDate;
  readonly isOffDay: boolean;
}

function endpoint(year: number, text: string): number {
  const previous = text.charCodeAt(0) === 60; // '<'
  const digits = previous ? text.slice(1) : text;
  if (digits.length !== 4) throw new Error(`holiday data: bad date token ${JSON.stringify(text)}`);
  const month = Number(digits.slice(0, 2));
  const day = Number(digits.slice(2, 4));
  return daysFromCivil(previous ? year - 1 : year, month, day);
}

/** Decodes one notice's days, sorted by date (code-unit order of `YYYY-MM-DD`). */
export function decodeNoticeDays(year: number, encoded: string): DecodedNoticeDay[] {
  const out: { name: string; day: number; isOffDay: boolean }[] = [];
  if (encoded === '') return [];
  for (const group of encoded.split(';')) {
    const colon = group.indexOf(':');
    const name = group.slice(0, colon);
    for (const raw of group.slice(colon + 1).split(',')) {
      const isOffDay = raw.charCodeAt(0) !== 43; // '+'
      const token = isOffDay ? raw : raw.slice(1);
      const dash = token.indexOf('-');
      const from = endpoint(year, dash < 0 ? token : token.slice(0, dash));
      const to = dash < 0 ? from : endpoint(year, token.slice(dash + 1));
      if (to < from) throw new Error(`holiday data: reversed range ${JSON.stringify(raw)}`);
      for (let d = from; d <= to; d++) out.push({ name, day: d, isOffDay });
    }
  }
  out.sort((a, b) => a.day - b.day);
  return out.map((e) => ({ name: e.name, date: plainDateOf(e.day), isOffDay: e.isOffDay }));
}
