/**
 * `shuangsuiji` command line, in Chinese by default (English with `--lang en`), one command per step of a
 * department's draw that needs no programmer:
 *
 * - `digest <register>` — the register digest and row count, published before the seed exists
 *   (`--expect <digest>` compares with the published one);
 * - `seed --dice <digits>` — the seed from dice rolled in public (`--salt <salt>`: its commitment);
 * - `verify <record> <register> [history]` — re-runs a published draw or match record.
 *
 * Exit codes: 0 success; 1 the record does not reproduce or the digest differs; 2 the command or its input is
 * unusable.
 */
import type { CommandContext, CommandResult } from './internals/command-context.js';
import { digestCommand } from './internals/digest-command.js';
import { parseFlags, UsageError, type Flags } from './internals/flags.js';
import { helpText, isCommand } from './internals/help.js';
import { progressPrinter } from './internals/problems.js';
import { seedCommand } from './internals/seed-command.js';
import { verifyCommand } from './internals/verify-command.js';

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown on terminals, or with `--progress`). */
  readonly stderrIsTty?: boolean;
}

/**
 * Runs the command line with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['--version'], { stdout: console.log, stderr: console.error });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, version = 'dev'): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    const name = argv.find((a) => isCommand(a));
    io.stderr(`无法识别的参数 / unrecognised argument: ${(error as UsageError).message}\n${helpText(isCommand(name) ? name : undefined, 'zh')}`);
    return 2;
  }
  const language = flags.language;
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  if (flags.version) {
    io.stdout(version);
    return 0;
  }
  const [command, ...args] = flags.positional;
  if (command === undefined || command === 'help') {
    // `shuangsuiji help digest` shows the page of `digest`.
    const topic = args[0];
    io.stdout(helpText(isCommand(topic) ? topic : undefined, language));
    return flags.help || command === 'help' ? 0 : 2;
  }
  if (!isCommand(command)) {
    io.stderr(say(`未知命令：${command}`, `Unknown command: ${command}`) + '\n' + helpText(undefined, language));
    return 2;
  }
  if (flags.help) {
    io.stdout(helpText(command, language));
    return 0;
  }
  const ctx: CommandContext = {
    io,
    flags,
    language,
    say,
    onProgress: progressPrinter(io, !flags.json && (flags.progress ?? io.stderrIsTty === true), language),
  };
  let result: CommandResult;
  if (command === 'verify') result = await verifyCommand(ctx, args);
  else if (command === 'digest') result = await digestCommand(ctx, args);
  else result = seedCommand(ctx, args);
  if (result === 'usage') {
    io.stderr(say('用法错误。', 'Usage error.') + '\n' + helpText(command, language));
    return 2;
  }
  return result;
}
