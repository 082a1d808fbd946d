/**
 * `shuangsuiji` command line, in Chinese by default (English with `--lang en`), one command per step of a
 * department's draw that needs no programmer:
 *
 * - `digest <register>` — the register digest and row count, published before the seed exists
 *   (`--expect <digest>` compares with the published one);
 * - `seed --dice <digits>` — the seed from dice rolled in public (`--salt <salt>`: its commitment);
 * - `draw <register> --spec <spec.json> --dice <digits> --out <folder>` — the draw: its record and the drawn list;
 * - `match <draw-record.json> --inspectors <csv> --rules <rules.json> --dice <digits> --out <folder>` — the
 *   inspectors for the drawn targets: the match record and the teams;
 * - `verify <record> <register> [history]` — re-runs a published draw or match record;
 * - `lookup <record> <id> [--entity <row.json>]` — 查询本单位: an entity's verdict from the draw record alone;
 * - `page <folder>` — writes the offline verification page to publish beside the notices.
 *
 * Exit codes: 0 success; 1 the record does not reproduce or the digest differs; 2 the command or its input is
 * unusable; 3 an internal error (a bug of shuangsuiji: nothing was verified). Whatever happens, no stack trace is
 * printed, and with `--json` exactly one JSON document is written to stdout.
 */
import { isShuangsuijiError } from '../errors.js';
import type { CommandContext, CommandResult } from './internals/command-context.js';
import { digestCommand } from './internals/digest-command.js';
import { drawCommand } from './internals/draw-command.js';
import { parseFlags, UsageError, type Flags, type Language } from './internals/flags.js';
import { helpText, isCommand, type Command } from './internals/help.js';
import { lookupCommand } from './internals/lookup-command.js';
import { matchCommand } from './internals/match-command.js';
import { pageCommand } from './internals/page-command.js';
import { progressPrinter, reportError } from './internals/problems.js';
import { seedCommand } from './internals/seed-command.js';
import { verifyCommand } from './internals/verify-command.js';

/**
 * Where the CLI writes; injected so tests can capture it.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const io: CliIo = { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) };
 * ```
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown on terminals, or with `--progress`). */
  readonly stderrIsTty?: boolean;
  /**
   * A monotonic clock in milliseconds, for the rate and time left of progress lines only (nothing else reads time);
   * without it, progress shows the percentage and rows.
   */
  readonly now?: () => number;
}

/**
 * Exit code of an internal error: a bug of shuangsuiji (not of the input), nothing was verified or computed.
 *
 * @example
 * ```ts
 * if ((await runCli(['verify', 'r.json', 'reg.csv'], io)) === EXIT_INTERNAL_ERROR) console.error('please report');
 * ```
 */
export const EXIT_INTERNAL_ERROR = 3;

/** The output language asked for by `argv`, read without the flag parser (which may be what failed). */
function languageOf(argv: readonly string[]): Language {
  let language: Language = 'zh';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--en' || arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) language = 'en';
    else if (arg === '--lang=zh' || (arg === '--lang' && argv[i + 1] === 'zh')) language = 'zh';
  }
  return language;
}

/** Text of any thrown value, without ever throwing itself. */
function describe(error: unknown): { readonly name: string; readonly message: string } {
  try {
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return { name: name.slice(0, 100), message: message.length > 500 ? `${message.slice(0, 500)}…` : message };
  } catch {
    return { name: 'unknown', message: '' };
  }
}

/** Whether `value` can be printed with `JSON.stringify`. */
function printable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns an exception that reached the top into a message: a {@link ShuangsuijiError} is bad input (exit 2, its code,
 * path and messages); anything else is an internal error (exit {@link EXIT_INTERNAL_ERROR}), named and without a
 * stack trace.
 */
function reportThrown(io: CliIo, json: boolean, language: Language, error: unknown): number {
  if (isShuangsuijiError(error)) {
    const details = error.details !== undefined && printable(error.details) ? error.details : undefined;
    return reportError(io, json, language, { code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, path: error.path, details });
  }
  const { name, message } = describe(error);
  const messageZh = `shuangsuiji 内部错误（${name}: ${message}）。这是程序缺陷，不是输入的问题；未完成任何核验或计算。请将所用命令和此信息报告给维护者。`;
  const messageEn = `shuangsuiji internal error (${name}: ${message}). This is a bug of the program, not a problem of the input; nothing was verified or computed. Please report the command and this message to the maintainers.`;
  if (json) io.stdout(JSON.stringify({ ok: false, code: 'INTERNAL_ERROR', messageZh, messageEn, error: { name, message } }, null, 2));
  else io.stderr(language === 'zh' ? `错误：[INTERNAL_ERROR] ${messageZh}` : `Error: [INTERNAL_ERROR] ${messageEn}`);
  return EXIT_INTERNAL_ERROR;
}

/** A usage error: `USAGE_ERROR` (JSON) or the message and the help page (stderr); exit 2. */
function usage(io: CliIo, json: boolean, language: Language, zh: string, en: string, command?: Command): number {
  if (json) io.stdout(JSON.stringify({ ok: false, code: 'USAGE_ERROR', messageZh: zh, messageEn: en }, null, 2));
  else io.stderr(`${language === 'zh' ? zh : en}\n${helpText(command, language)}`);
  return 2;
}

/**
 * Runs the command line with `argv` (without `node` and the script) and returns the exit code. Never throws and
 * never prints a stack trace; with `--json` every outcome — success, divergence, usage error, input error, internal
 * error — is exactly one JSON document on stdout.
 *
 * @example
 * ```ts
 * const code = await runCli(['--version'], { stdout: console.log, stderr: console.error });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, version = 'dev'): Promise<number> {
  const json = argv.includes('--json');
  const language = languageOf(argv);
  // With --json, stdout is held and released only if it is exactly one document.
  const held: string[] = [];
  const out: CliIo = json ? { ...io, stdout: (text) => held.push(text) } : io;
  let code: number;
  try {
    code = await run(argv, out, version);
  } catch (error) {
    held.length = 0;
    try {
      code = reportThrown(out, json, language, error);
    } catch {
      // Even the message could not be written (stderr gone): the exit code still tells.
      held.length = 0;
      code = EXIT_INTERNAL_ERROR;
      if (json) held.push(JSON.stringify({ ok: false, code: 'INTERNAL_ERROR', messageZh: 'shuangsuiji 内部错误', messageEn: 'shuangsuiji internal error' }));
    }
  }
  if (!json) return code;
  if (held.length !== 1) {
    const count = held.length;
    held.length = 0;
    code = reportThrown(out, json, language, new Error(`${count} JSON documents instead of one`));
  }
  io.stdout(held[0]!);
  return code;
}

async function run(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const name = argv.find((a) => isCommand(a));
    const json = argv.includes('--json');
    return usage(io, json, languageOf(argv), `无法识别的参数：${error.message}`, `unrecognised argument: ${error.message}`, isCommand(name) ? name : undefined);
  }
  const { language, json } = flags;
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  if (flags.version) {
    io.stdout(json ? JSON.stringify({ ok: true, version }, null, 2) : version);
    return 0;
  }
  const [command, ...args] = flags.positional;
  if (command === undefined || command === 'help') {
    // `shuangsuiji help digest` shows the page of `digest`.
    const topic = args[0];
    const help = helpText(isCommand(topic) ? topic : undefined, language);
    if (flags.help || command === 'help') {
      io.stdout(json ? JSON.stringify({ ok: true, help }, null, 2) : help);
      return 0;
    }
    if (json) return usage(io, json, language, '缺少命令', 'no command given');
    io.stdout(help);
    return 2;
  }
  if (!isCommand(command)) return usage(io, json, language, `未知命令：${command}`, `Unknown command: ${command}`);
  if (flags.help) {
    const help = helpText(command, language);
    io.stdout(json ? JSON.stringify({ ok: true, help }, null, 2) : help);
    return 0;
  }
  const ctx: CommandContext = {
    io,
    flags,
    language,
    say,
    onProgress: progressPrinter(io, !json && (flags.progress ?? io.stderrIsTty === true), language),
  };
  let result: CommandResult;
  if (command === 'verify') result = await verifyCommand(ctx, args);
  else if (command === 'digest') result = await digestCommand(ctx, args);
  else if (command === 'draw') result = await drawCommand(ctx, args);
  else if (command === 'match') result = await matchCommand(ctx, args);
  else if (command === 'lookup') result = await lookupCommand(ctx, args);
  else if (command === 'page') result = await pageCommand(ctx, args);
  else result = seedCommand(ctx, args);
  if (result === 'usage') {
    return usage(io, json, language, `用法错误：${command} 的参数或选项不对。`, `Usage error: wrong arguments or options for ${command}.`, command);
  }
  return result;
}
