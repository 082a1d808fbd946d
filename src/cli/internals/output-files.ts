/**
 * The files `draw` and `match` write: JSON records and CSV tables for Excel (UTF-8 with BOM, CRLF, every cell that
 * a spreadsheet would read as a formula made inert), written into an output folder without ever replacing a file
 * that is already there unless `--force` is given.
 */
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A cell of a CSV table: quoted when it holds a comma, a quote or a line break, and prefixed with `'` when it
 * starts with a character that makes Excel or LibreOffice read it as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one), so that a name in a register can never run as a formula on a clerk's machine.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * csvCell('示例商贸有限公司'); // '示例商贸有限公司'
 * ```
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * A whole CSV table: a UTF-8 byte order mark (so that Excel opens Chinese text correctly), the header row and the
 * rows, each line ended by CRLF.
 *
 * @example
 * ```ts
 * csvTable(['序号', '名称'], [['1', '示例商贸有限公司']]); // '\uFEFF序号,名称\r\n1,示例商贸有限公司\r\n'
 * ```
 */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Why the output files cannot be written: a coded error, printed like any other (exit 2). */
export interface OutputProblem {
  readonly code: 'OUTPUT_EXISTS' | 'OUTPUT_UNWRITABLE';
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: { readonly files: readonly string[] };
}

function errnoOf(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? error);
}

function unwritable(path: string, reason: string): OutputProblem {
  return {
    code: 'OUTPUT_UNWRITABLE',
    messageZh: `无法写入 ${path}（${reason}）`,
    messageEn: `cannot write ${path} (${reason})`,
    details: { files: [path] },
  };
}

function exists(paths: readonly string[]): OutputProblem {
  return {
    code: 'OUTPUT_EXISTS',
    messageZh: `输出文件已存在，未作改动：${paths.join('、')}。请换一个 --out 文件夹，或加 --force 覆盖`,
    messageEn: `output file(s) already exist and were left as they are: ${paths.join(', ')}. Choose another --out folder, or add --force to replace them`,
    details: { files: paths },
  };
}

/**
 * Checks, before any work is done, that the files `names` can be written into `folder`: the folder is absent or a
 * folder, and (unless `force`) none of the files exists yet.
 *
 * @example
 * ```ts
 * const problem = await checkOutputs('抽取结果', ['draw-record.json', 'drawn.csv'], false);
 * if (problem !== undefined) console.error(problem.code); // e.g. OUTPUT_EXISTS
 * ```
 */
export async function checkOutputs(folder: string, names: readonly string[], force: boolean): Promise<OutputProblem | undefined> {
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) return unwritable(folder, 'ENOTDIR');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    return unwritable(folder, errnoOf(error));
  }
  const present: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (info.isDirectory()) return unwritable(path, 'EISDIR');
      present.push(path);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') return unwritable(path, errnoOf(error));
    }
  }
  return present.length > 0 && !force ? exists(present) : undefined;
}

/**
 * Writes `files` into `folder` (created when absent). Without `force` a file that appeared meanwhile is never
 * replaced (exclusive creation). If any file cannot be written, the files this call wrote are removed again, so
 * a record is never left without its table.
 *
 * @example
 * ```ts
 * const problem = await writeOutputs('抽取结果', [{ name: 'drawn.csv', text: csvTable(['序号'], []) }], false);
 * ```
 */
export async function writeOutputs(folder: string, files: readonly { readonly name: string; readonly text: string }[], force: boolean): Promise<OutputProblem | undefined> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return unwritable(folder, errnoOf(error));
  }
  const written: string[] = [];
  for (const { name, text } of files) {
    const path = join(folder, name);
    try {
      await writeFile(path, text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
      written.push(path);
    } catch (error) {
      for (const done of written) await unlink(done).catch(() => undefined);
      return errnoOf(error) === 'EEXIST' ? exists([path]) : unwritable(path, errnoOf(error));
    }
  }
  return undefined;
}
