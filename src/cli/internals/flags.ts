/**
 * Command-line flags of `shuangsuiji`: one parser (`node:util` `parseArgs`, strict) for every command; each command
 * says which options it takes (`onlyOptions`). An unknown option, a missing value, a value for a switch or `--` is a
 * usage error (exit 2). A value may start with one dash (`--salt -x`) but not with two: `--targets --json` is a
 * missing value, not a file named "--json".
 */
import { parseArgs } from 'node:util';

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
  /** `--encoding`: the register's text encoding, as given (checked by the command). */
  encoding: string | undefined;
  /** `--headers 列名=字段,…`, each time it is given. */
  headers: string[];
  /** `--headers-file mapping.json`. */
  headersFile: string | undefined;
  /** `--ignore-columns 列名,…`, each time it is given. */
  ignoreColumns: string[];
  /** `--sheet 名称|序号`: the sheet of an `.xlsx` workbook to read (default: the first shown). */
  sheet: string | undefined;
  // `draw` and `match`: the option `--beacon-source` fills `beaconSource`, and so on.
  spec: string | undefined;
  contributions: string | undefined;
  beaconSource: string | undefined;
  beaconRound: string | undefined;
  beaconValue: string | undefined;
  commitment: string | undefined;
  history: string | undefined;
  out: string | undefined;
  rules: string | undefined;
  facts: string | undefined;
  inspectors: string | undefined;
  register: string | undefined;
  seed: string | undefined;
  /** `--force`: replace output files that already exist. */
  force: boolean;
  /** `lookup --entity <row.json>`: the entity's own register row. */
  entity: string | undefined;
  /** `--workers <n>`: threads reading the register (`digest`, `draw`, `verify`), as given (checked by the command). */
  workers: string | undefined;
  help: boolean;
  version: boolean;
}

/** Thrown for an argument that cannot be read; the message is the argument. */
export class UsageError extends Error {}

/** Every option: its `parseArgs` type, and for options with a value, the field of {@link Flags} it fills. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  en: { type: 'boolean' },
  lang: { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  targets: { type: 'string' },
  expect: { type: 'string' },
  dice: { type: 'string' },
  salt: { type: 'string' },
  encoding: { type: 'string' },
  headers: { type: 'string', multiple: true },
  'headers-file': { type: 'string' },
  'ignore-columns': { type: 'string', multiple: true },
  sheet: { type: 'string' },
  spec: { type: 'string' },
  contributions: { type: 'string' },
  'beacon-source': { type: 'string' },
  'beacon-round': { type: 'string' },
  'beacon-value': { type: 'string' },
  commitment: { type: 'string' },
  history: { type: 'string' },
  out: { type: 'string' },
  rules: { type: 'string' },
  facts: { type: 'string' },
  inspectors: { type: 'string' },
  register: { type: 'string' },
  seed: { type: 'string' },
  force: { type: 'boolean' },
  entity: { type: 'string' },
  workers: { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

function isOption(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

function takesValue(name: string): boolean {
  return isOption(name) && OPTIONS[name].type === 'string';
}

function language(arg: string, value: string | undefined): Language {
  if (value !== 'zh' && value !== 'en') throw new UsageError(arg);
  return value;
}

/**
 * `argv` as `parseArgs` reads it: `--name value` with a value starting with one dash becomes `--name=value` (which
 * `parseArgs` would otherwise refuse as ambiguous); a value starting with two dashes, and `--`, are usage errors.
 */
function normalise(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') throw new UsageError(arg);
    if (arg.startsWith('--') && !arg.includes('=') && takesValue(arg.slice(2))) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(arg);
      out.push(`${arg}=${next}`);
      i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** The argument a strict `parseArgs` refused, found by reading the arguments without strictness. */
function culprit(args: readonly string[]): string {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = isOption(token.name);
    if (!known || (OPTIONS[token.name as OptionName].type === 'string') !== (token.value !== undefined)) return token.rawName + (token.inlineValue ? `=${token.value ?? ''}` : '');
  }
  return args.find((a) => a.startsWith('-') && a !== '-') ?? args.join(' ');
}

/**
 * Parses `argv` (without `node` and the script); throws {@link UsageError} on an unknown option or a missing value.
 *
 * @example
 * ```ts
 * const flags = parseFlags(['digest', 'register.csv', '--encoding', 'gb18030', '--json']);
 * console.log(flags.positional, flags.encoding, flags.json); // ['digest', 'register.csv'] 'gb18030' true
 * ```
 */
export function parseFlags(argv: readonly string[]): Flags {
  const args = normalise(argv);
  let tokens;
  try {
    ({ tokens } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true, tokens: true }));
  } catch (error) {
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(culprit(args));
    throw error;
  }
  const flags: Flags = {
    positional: [], given: [], json: false, language: 'zh', progress: undefined,
    targets: undefined, expect: undefined, dice: undefined, salt: undefined,
    encoding: undefined, headers: [], headersFile: undefined, ignoreColumns: [], sheet: undefined, help: false, version: false,
    spec: undefined, contributions: undefined, beaconSource: undefined, beaconRound: undefined, beaconValue: undefined,
    commitment: undefined, history: undefined, out: undefined, rules: undefined, facts: undefined, inspectors: undefined,
    register: undefined, seed: undefined, force: false, entity: undefined, workers: undefined,
  };
  // Tokens in order: the last of `--lang`/`--en` and of `--progress`/`--no-progress` wins, as does a repeated value.
  for (const token of tokens) {
    if (token.kind === 'positional') {
      flags.positional.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const value = token.value;
    switch (token.name as OptionName) {
      case 'help': flags.help = true; break;
      case 'version': flags.version = true; break;
      case 'json': flags.json = true; break;
      case 'en': flags.language = 'en'; break;
      case 'lang': flags.language = language(token.rawName + (token.inlineValue ? `=${value ?? ''}` : ''), value); break;
      case 'progress': flags.progress = true; flags.given.push('progress'); break;
      case 'no-progress': flags.progress = false; flags.given.push('progress'); break;
      case 'targets': flags.targets = value; flags.given.push('targets'); break;
      case 'expect': flags.expect = value; flags.given.push('expect'); break;
      case 'dice': flags.dice = value; flags.given.push('dice'); break;
      case 'salt': flags.salt = value; flags.given.push('salt'); break;
      case 'encoding': flags.encoding = value; flags.given.push('encoding'); break;
      case 'headers': flags.headers.push(value ?? ''); flags.given.push('headers'); break;
      case 'headers-file': flags.headersFile = value; flags.given.push('headers-file'); break;
      case 'ignore-columns': flags.ignoreColumns.push(value ?? ''); flags.given.push('ignore-columns'); break;
      case 'sheet': flags.sheet = value; flags.given.push('sheet'); break;
      case 'spec': flags.spec = value; flags.given.push('spec'); break;
      case 'contributions': flags.contributions = value; flags.given.push('contributions'); break;
      case 'beacon-source': flags.beaconSource = value; flags.given.push('beacon-source'); break;
      case 'beacon-round': flags.beaconRound = value; flags.given.push('beacon-round'); break;
      case 'beacon-value': flags.beaconValue = value; flags.given.push('beacon-value'); break;
      case 'commitment': flags.commitment = value; flags.given.push('commitment'); break;
      case 'history': flags.history = value; flags.given.push('history'); break;
      case 'out': flags.out = value; flags.given.push('out'); break;
      case 'rules': flags.rules = value; flags.given.push('rules'); break;
      case 'facts': flags.facts = value; flags.given.push('facts'); break;
      case 'inspectors': flags.inspectors = value; flags.given.push('inspectors'); break;
      case 'register': flags.register = value; flags.given.push('register'); break;
      case 'seed': flags.seed = value; flags.given.push('seed'); break;
      case 'force': flags.force = true; flags.given.push('force'); break;
      case 'entity': flags.entity = value; flags.given.push('entity'); break;
      case 'workers': flags.workers = value; flags.given.push('workers'); break;
    }
  }
  return flags;
}
