/** Help texts of `shuangsuiji`, in Chinese and English: an overview and one page per command. */
import type { Language } from './flags.js';

/** The commands, in the order of the procedure they serve. */
export const COMMANDS = ['digest', 'seed', 'verify'] as const;
/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];

/** Whether `name` is a command. */
export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && (COMMANDS as readonly string[]).includes(name);
}

const OVERVIEW_ZH = `用法：shuangsuiji <命令> [参数] [选项]

“双随机、一公开”随机抽取的命令行工具。部门抽取检查对象的公开步骤与对应命令：

  1. 产生种子之前，公布名录库摘要：
       shuangsuiji digest <名录库.csv|.json|.jsonl>
  2. 当众掷十面骰，由读数生成种子（可先公布承诺值，事后揭晓）：
       shuangsuiji seed --dice <读数> [--salt <盐>]
  3. 用种子抽取（程序库 drawTargets），公布抽取记录。
  4. 任何人核验：
       shuangsuiji verify <记录.json> <名录库.csv|.json|.jsonl> [历史.json]
     审计人员核对事先公布的摘要：
       shuangsuiji digest <名录库> --expect <公布的摘要>

各命令的详细说明：shuangsuiji <命令> --help

通用选项：
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON
  --help, -h        显示帮助
  --version, -v     显示版本

退出码：0 成功（核验通过、摘要一致）；1 核验未通过或摘要不一致；2 命令或输入有误；3 内部错误（程序缺陷，请报告）。
不会打印调用栈；使用 --json 时，无论结果如何，标准输出都恰有一个 JSON 文档。`;

const OVERVIEW_EN = `Usage: shuangsuiji <command> [arguments] [options]

The command line of "double random, one public" (双随机、一公开) draws. The public steps of a department's draw:

  1. Before the seed exists, publish the register digest:
       shuangsuiji digest <register.csv|.json|.jsonl>
  2. Roll ten-sided dice in public and make the seed from the digits (optionally publish a commitment first
     and reveal later):
       shuangsuiji seed --dice <digits> [--salt <salt>]
  3. Draw with the seed (the library's drawTargets) and publish the draw record.
  4. Anyone verifies:
       shuangsuiji verify <record.json> <register.csv|.json|.jsonl> [history.json]
     An auditor checks the digest published before the draw:
       shuangsuiji digest <register> --expect <published digest>

Details of a command: shuangsuiji <command> --help

Common options:
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output
  --help, -h        show this help
  --version, -v     show the version

Exit codes: 0 success (verified, digest matches); 1 the record does not reproduce or the digest differs;
2 bad command or input; 3 internal error (a bug: please report it). No stack trace is ever printed; with --json,
stdout holds exactly one JSON document whatever the outcome.`;

const REGISTER_ZH = `名录库可为 CSV（UTF-8，可带 BOM，首行为表头，中文表头按默认表头映射识别，未识别的列忽略）、JSON 数组或
JSON Lines（每行一个对象），大文件以流式读取。文件须为 UTF-8；一个单元格不超过 65534 字节，一行记录不超过 1 MiB、
1024 个字段，JSON 嵌套不超过 64 层，整体读入的文件（记录、历史、检查对象、事实、核验匹配时的人员名录库）不超过 64 MiB，
超出时按行号报告错误码。`;

const REGISTER_EN = `Registers may be CSV (UTF-8, BOM optional, header row first, Chinese headers read through the default header
mapping, unknown columns ignored), a JSON array or JSON Lines; large files are streamed. Files must be UTF-8; a cell
may hold at most 65,534 bytes, a row 1 MiB and 1,024 fields, JSON may nest 64 levels, and a file read whole (record,
history, targets, facts, the inspector register of a match) may hold 64 MiB; beyond, a coded problem names the line.`;

const VERIFY_ZH = `用法：shuangsuiji verify <记录.json> <名录库.csv|.json|.jsonl> [历史.json] [选项]

核验一次公开的随机抽取（或人员匹配）能否由其种子和名录库逐字节复现。

  抽取记录（algorithm "shuangsuiji-draw"）：名录库为检查对象名录库；历史为往期检查记录（JSON 数组，
    每项 {entityId, date, department, item}），即抽取时用于年度去重的记录。
  匹配记录（algorithm "shuangsuiji-match"）：名录库为执法检查人员名录库；--targets 给出被匹配的检查对象
    （JSON 数组）；第三个参数为回避等事实（JSON 对象：conflicts、relatives、recusalRequests、history、
    neighbourInspectors）。

${REGISTER_ZH}

选项：
  --targets <文件>  匹配核验时的检查对象
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON
  --progress        显示读取进度（终端上默认显示）；--no-progress 关闭
  --help, -h        显示帮助
  --version, -v     显示版本

退出码：0 核验通过；1 核验未通过（记录不能复现）；2 命令或输入有误（包括不是可核验记录的文件：RECORD_MALFORMED）；
3 内部错误（程序缺陷，请报告）。`;

const VERIFY_EN = `Usage: shuangsuiji verify <record.json> <register.csv|.json|.jsonl> [history.json] [options]

Checks that a published random draw (or inspector match) reproduces to the byte from its seed and register.

  Draw record (algorithm "shuangsuiji-draw"): the register is the entity register; history is the
    inspection history the draw de-duplicated against (JSON array of {entityId, date, department, item}).
  Match record (algorithm "shuangsuiji-match"): the register is the inspector register; --targets gives the
    matched targets (JSON array); the third argument holds the facts (JSON object: conflicts, relatives,
    recusalRequests, history, neighbourInspectors).

${REGISTER_EN}

Options:
  --targets <file>  the targets, for a match record
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output
  --progress        show reading progress (default on terminals); --no-progress turns it off
  --help, -h        show this help
  --version, -v     show the version

Exit codes: 0 verified; 1 the record does not reproduce; 2 bad command or input (including a file that is not a
record this program can check: RECORD_MALFORMED); 3 internal error (a bug: please report it).`;

const DIGEST_ZH = `用法：shuangsuiji digest <名录库.csv|.json|.jsonl> [--expect <摘要>] [选项]

计算检查对象名录库的摘要（与行顺序无关）和行数。摘要覆盖抽取会读取的每个字段，等于以同一名录库抽取所得记录中的
register.digest。部门应在产生种子之前公布摘要和行数，事后无法再改动名录库而不被发现。

按与 verify 相同的方式读取和检查每一行，有误时按行号列出。流式计算，内存恒定。

${REGISTER_ZH}

选项：
  --expect <摘要>   与事先公布的摘要（64 位十六进制）比对：一致退出码 0，不一致退出码 1
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON：{ "ok": true, "digest": …, "size": … }
  --progress        显示读取进度（终端上默认显示）；--no-progress 关闭
  --help, -h        显示帮助

退出码：0 已算出摘要（有 --expect 时：且与公布值一致）；1 与公布值不一致；2 命令或输入有误；3 内部错误（请报告）。`;

const DIGEST_EN = `Usage: shuangsuiji digest <register.csv|.json|.jsonl> [--expect <digest>] [options]

Computes the order-independent digest of an entity register and its row count. The digest covers every field a
draw reads and equals register.digest in the record of a draw over the same register. A department publishes
the digest and the count before the seed exists, so the register cannot be changed afterwards unnoticed.

Rows are read and checked exactly as verify reads them; problems are listed by line. Streaming, constant memory.

${REGISTER_EN}

Options:
  --expect <digest> compare with the digest published before the draw (64 hex characters): exit 0 when equal,
                    1 when not
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output: { "ok": true, "digest": …, "size": … }
  --progress        show reading progress (default on terminals); --no-progress turns it off
  --help, -h        show this help

Exit codes: 0 digest computed (with --expect: and equal to the published one); 1 it differs from the published
digest; 2 bad command or input; 3 internal error (please report it).`;

const SEED_ZH = `用法：shuangsuiji seed --dice <读数> [--salt <盐>] [选项]

由当众掷出的十面骰读数（数字 0–9，至少 20 位，可用空格分组）生成抽取种子（64 位十六进制），并给出写入抽取记录的
种子来源。与程序库 seedFromDice 的结果相同。

给出 --salt 时另算种子承诺值：先公布承诺值，揭晓种子时一并公开盐，任何人可核对。盐应保密至揭晓，且足够长
（建议 16 个字符以上的随机文本），否则承诺值可能被穷举。

选项：
  --dice <读数>     十面骰读数
  --salt <盐>       同时计算承诺值（commitSeed）
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON：{ "ok": true, "seed": …, "origin": …, "commitment": … }
  --help, -h        显示帮助

退出码：0 已生成；2 命令或读数有误（如读数少于 20 位：SEED_TOO_WEAK）；3 内部错误（请报告）。`;

const SEED_EN = `Usage: shuangsuiji seed --dice <digits> [--salt <salt>] [options]

Makes the draw seed (64 hex characters) from ten-sided dice rolled in public (digits 0–9, at least 20; spaces
between groups are allowed) and prints the seed origin the draw record will carry. Same result as the
library's seedFromDice.

With --salt, also computes the seed commitment: publish it first, then reveal the seed with the salt so anyone
can check it. Keep the salt secret until the reveal and make it long (16+ random characters), or the
commitment could be brute-forced.

Options:
  --dice <digits>   the dice digits
  --salt <salt>     also compute the commitment (commitSeed)
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output: { "ok": true, "seed": …, "origin": …, "commitment": … }
  --help, -h        show this help

Exit codes: 0 made; 2 bad command or digits (e.g. fewer than 20 digits: SEED_TOO_WEAK); 3 internal error (please
report it).`;

const PAGES: Readonly<Record<Command | 'overview', { readonly zh: string; readonly en: string }>> = {
  overview: { zh: OVERVIEW_ZH, en: OVERVIEW_EN },
  verify: { zh: VERIFY_ZH, en: VERIFY_EN },
  digest: { zh: DIGEST_ZH, en: DIGEST_EN },
  seed: { zh: SEED_ZH, en: SEED_EN },
};

/** The help page of `command` (the overview when undefined) in `language`. */
export function helpText(command: Command | undefined, language: Language): string {
  return PAGES[command ?? 'overview'][language];
}
