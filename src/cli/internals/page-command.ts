/**
 * `shuangsuiji page <folder>`: writes the verification page (one self-contained HTML file, built by
 * scripts/build-page.ts into dist/page/ beside the command) and a short README.txt on how to publish it into a
 * folder that a department uploads beside its notices. Exit 0 written, 2 the folder cannot take the files (or the
 * page was never built, as when the command runs from source without `npm run build`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { checkOutputs, writeOutputs } from './output-files.js';
import { reportError } from './problems.js';

/** The page's file name, in dist/page/ and in the folder written. */
export const PAGE_FILE = 'shuangsuiji-page.html';
/** The note written beside it. */
export const PAGE_README = 'README.txt';

/**
 * Where the built page is: beside the built command (dist/cli.js → dist/page/). Run from source (src/cli/…), this
 * names a file that does not exist, and the command says so (`PAGE_NOT_BUILT`).
 */
export function builtPageUrl(): URL {
  return new URL(`./page/${PAGE_FILE}`, import.meta.url);
}

const README = `核验页面 ${PAGE_FILE} — 使用说明 / How to publish it
================================================================

本文件夹中的 ${PAGE_FILE} 是一个独立的网页文件：不联网、不上传任何文件，所有计算都在使用者的浏览器中完成。

部门如何公布：
  1. 把本文件夹（${PAGE_FILE} 和本说明）与抽取记录 draw-record.json、抽中名单 drawn.csv、
     名录库（或其摘要）、匹配记录一起，放在公示页面旁边上传；也可以只提供下载。
  2. 在公告中写明：“任何人可用 ${PAGE_FILE} 在本机核验本次抽取”。
公众、被检查对象和审计人员如何使用：
  下载后用 Chromium 内核的浏览器（Chrome、Edge、360、QQ 浏览器等）直接打开 ${PAGE_FILE}，
  放入抽取记录和名录库即可核验；“查询本单位”只需抽取记录和本单位的统一社会信用代码。

The file ${PAGE_FILE} in this folder is a self-contained web page: it makes no network requests and uploads
nothing; everything is computed in the user's browser.

How a department publishes it:
  1. Upload this folder (${PAGE_FILE} and this note) beside its notices, together with the draw record
     draw-record.json, the drawn list drawn.csv, the register (or its digest) and the match record.
  2. Say in the notice: "anyone can verify this draw on their own computer with ${PAGE_FILE}".
How the public, the entities and auditors use it:
  Download it and open ${PAGE_FILE} in a Chromium-based browser (Chrome, Edge …); drop the record and the
  register to verify; "Look up my entity" needs only the record and the entity's credit code.
`;

/** Runs `page` with the positional arguments after the command name (one: the folder). */
export async function pageCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, say } = ctx;
  const [folder] = args;
  if (folder === undefined || args.length !== 1 || !onlyOptions(flags, ['force'])) return 'usage';
  const source = builtPageUrl();
  let html: string;
  try {
    html = await readFile(source, 'utf8');
  } catch (error) {
    const reason = String((error as { code?: unknown } | null)?.code ?? error);
    return reportError(io, flags.json, language, {
      code: 'PAGE_NOT_BUILT',
      messageZh: `找不到已构建的核验页面 ${fileURLToPath(source)}（${reason}）。从源代码运行时请先执行 npm run build`,
      messageEn: `the built verification page ${fileURLToPath(source)} is missing (${reason}). When running from source, run npm run build first`,
    });
  }
  const names = [PAGE_FILE, PAGE_README];
  const problem = (await checkOutputs(folder, names, flags.force)) ?? (await writeOutputs(folder, [{ name: PAGE_FILE, text: html }, { name: PAGE_README, text: README }], flags.force));
  if (problem !== undefined) return reportError(io, flags.json, language, problem);
  const files = names.map((name) => join(folder, name));
  if (flags.json) {
    io.stdout(JSON.stringify({ ok: true, files, bytes: Buffer.byteLength(html) }, null, 2));
    return 0;
  }
  io.stdout(say(`已写出核验页面：${files[0]}`, `Verification page written: ${files[0]}`));
  io.stdout(say(`使用说明：${files[1]}`, `How to publish it: ${files[1]}`));
  io.stdout(say(
    '把该文件夹与抽取记录、抽中名单一起放在公示页面旁边上传；任何人下载后用浏览器打开即可离线核验。',
    'Upload the folder beside the notices with the draw record and the drawn list; anyone can download it and verify offline in a browser.',
  ));
  return 0;
}
