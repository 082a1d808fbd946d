/** Command-line flags of `shuangsuiji`: one parser for every command; each command says which options it takes. */

/** Output language. */
export type Language = 'zh' | 'en';

/** The parsed command line. */
export interface Flags {
  readonly positional: string[];
  /** Options given, by their long name without dashes (`targets`, `expect` …), to reject those a command ignores. */
  readonly given: string[];
  json: boolean;
  language: Language;
  progress: boolean | undefined;
  targets: string | undefined;
  expect: string | undefined;
  dice: string | undefined;
  salt: string | undefined;
  help: boolean;
  version: boolean;
}

/** Thrown for an argument that cannot be read; the message is the argument. */
export class UsageError extends Error {}

/** Options that take a value, by long name. */
const VALUE_OPTIONS = ['targets', 'expect', 'dice', 'salt'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

function language(arg: string, value: string): Language {
  if (value !== 'zh' && value !== 'en') throw new UsageError(arg);
  return value;
}

/** Parses `argv` (without `node` and the script); throws {@link UsageError} on an unknown option or a missing value. */
export function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {
    positional: [], given: [], json: false, language: 'zh', progress: undefined,
    targets: undefined, expect: undefined, dice: undefined, salt: undefined, help: false, version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      // `--targets --json` is a missing value, not a file named "--json" (a value may start with "-", not "--").
      if (next === undefined || next.startsWith('--')) throw new UsageError(arg);
      return next;
    };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-v') flags.version = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--en') flags.language = 'en';
    else if (arg === '--progress') { flags.progress = true; flags.given.push('progress'); }
    else if (arg === '--no-progress') { flags.progress = false; flags.given.push('progress'); }
    else if (arg === '--lang') flags.language = language(arg, value());
    else if (arg.startsWith('--lang=')) flags.language = language(arg, arg.slice(7));
    else if (isValueOption(name)) {
      flags[name] = eq < 0 ? value() : arg.slice(eq + 1);
      flags.given.push(name);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(arg);
    else flags.positional.push(arg);
  }
  return flags;
}
