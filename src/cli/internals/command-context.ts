/** What a command of `shuangsuiji` is given: where to write, the parsed flags and the chosen language. */
import type { CliIo } from '../run-cli.js';
import type { Flags, Language } from './flags.js';

/** The context of one command run. */
export interface CommandContext {
  readonly io: CliIo;
  readonly flags: Flags;
  readonly language: Language;
  /** Picks the text of the chosen language. */
  readonly say: (zh: string, en: string) => string;
  /** Reports reading progress (a no-op unless progress is shown). */
  readonly onProgress: (rows: number) => void;
}

/** A command's result: an exit code, or `'usage'` when its arguments do not fit (the caller prints help, exit 2). */
export type CommandResult = number | 'usage';

/** Whether every option given is one the command takes. */
export function onlyOptions(flags: Flags, allowed: readonly string[]): boolean {
  return flags.given.every((name) => allowed.includes(name));
}
