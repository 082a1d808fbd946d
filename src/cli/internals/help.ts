/** Help texts of `shuangsuiji`, in Chinese and English: an overview and one page per command. */
import type { Language } from './flags.js';

/** The commands, in the order of the procedure they serve. */
export const COMMANDS = ['digest', 'seed', 'draw', 'match', 'verify', 'lookup', 'page'] as const;
/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];

/** Whether `name` is a command. */
export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && (COMMANDS as readonly string[]).includes(name);
}

const OVERVIEW_ZH = `用法：shuangsuiji <命令> [参数] [选项]

“双随机、一公开”随机抽取的命令行工具。部门从公布名录库到公开结果的每一步都有对应命令，不需要编程：

  1. 产生种子之前，公布名录库摘要和行数（同时公布抽取规则 spec.json）：
       shuangsuiji digest <名录库.csv>
  2. 当众掷十面骰，由读数生成种子；加 --salt 可先只公布承诺值，抽取时再揭晓读数和盐：
       shuangsuiji seed --dice <读数> [--salt <盐>]
  3. 抽取检查对象，写出抽取记录 draw-record.json 和抽中名单 drawn.csv，二者一并公布：
       shuangsuiji draw <名录库.csv> --spec <抽取规则.json> --dice <读数> [--commitment <承诺值> --salt <盐>]
         [--history <往期检查记录.json>] --out <抽取结果文件夹>
     （种子也可来自多方贡献 --contributions <文件.json> 或公共随机信标 --beacon-source/--beacon-round/--beacon-value）
  4. 为抽中的检查对象随机选派执法检查人员，写出匹配记录 match-record.json、所用检查对象 targets.json 和
     检查组名单 teams.csv，公布匹配记录；无法选派的检查对象及原因当场列出：
       shuangsuiji match <抽取结果文件夹>/draw-record.json --register <名录库.csv> --inspectors <执法检查人员名录库.csv>
         --rules <匹配规则.json> [--facts <回避事实.json>] --dice <另一次读数> --out <匹配结果文件夹>
  5. 任何人核验公布的记录（纪检、审计人员、公众）：
       shuangsuiji verify <抽取结果文件夹>/draw-record.json <名录库.csv> [往期检查记录.json]
       shuangsuiji digest <名录库.csv> --expect <第 1 步公布的摘要>
       shuangsuiji verify <匹配结果文件夹>/match-record.json <执法检查人员名录库.csv> [回避事实.json]
         --targets <匹配结果文件夹>/targets.json
     被检查对象只凭抽取记录查询本单位：是否被抽中，未被抽中时是否本应被抽中：
       shuangsuiji lookup <抽取结果文件夹>/draw-record.json <统一社会信用代码> [--entity <本单位信息.json>]
  6. 写出离线核验页面，与公告一起公布（公众用浏览器核验，无需安装）：
       shuangsuiji page <文件夹>

各命令的详细说明：shuangsuiji <命令> --help

通用选项：
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON
  --help, -h        显示帮助
  --version, -v     显示版本

退出码：0 成功（核验通过、摘要一致、已写出文件）；1 核验未通过或摘要不一致；2 命令或输入有误（含抽取规则被拒、
输出文件已存在）；3 内部错误（程序缺陷，请报告）。不会打印调用栈；使用 --json 时，无论结果如何，标准输出都恰有一个
JSON 文档。`;

const OVERVIEW_EN = `Usage: shuangsuiji <command> [arguments] [options]

The command line of "double random, one public" (双随机、一公开) draws. Every step of a department's procedure, from
publishing the register to publishing the results, is a command; no programming is needed:

  1. Before the seed exists, publish the register digest and row count (and the draw spec, spec.json):
       shuangsuiji digest <register.csv>
  2. Roll ten-sided dice in public and make the seed from the digits; with --salt, publish only a commitment
     first and reveal the digits and the salt at the draw:
       shuangsuiji seed --dice <digits> [--salt <salt>]
  3. Draw the targets: writes the draw record draw-record.json and the drawn list drawn.csv; publish both:
       shuangsuiji draw <register.csv> --spec <spec.json> --dice <digits> [--commitment <hash> --salt <salt>]
         [--history <history.json>] --out <draw folder>
     (the seed may also come from several parties, --contributions <file.json>, or from a public randomness
     beacon, --beacon-source/--beacon-round/--beacon-value)
  4. Draw the inspectors for the drawn targets: writes the match record match-record.json, the targets as
     matched targets.json and the teams teams.csv; publish the record. Targets that cannot be staffed are
     listed with their reasons:
       shuangsuiji match <draw folder>/draw-record.json --register <register.csv> --inspectors <inspectors.csv>
         --rules <rules.json> [--facts <facts.json>] --dice <other digits> --out <match folder>
  5. Anyone verifies the published records (discipline inspectors, auditors, the public):
       shuangsuiji verify <draw folder>/draw-record.json <register.csv> [history.json]
       shuangsuiji digest <register.csv> --expect <the digest published in step 1>
       shuangsuiji verify <match folder>/match-record.json <inspectors.csv> [facts.json]
         --targets <match folder>/targets.json
     An entity checks from the draw record alone whether it was drawn and, if not, whether it had to be:
       shuangsuiji lookup <draw folder>/draw-record.json <credit code> [--entity <its row.json>]
  6. Write the offline verification page, to publish with the notices (the public verifies in a browser,
     nothing to install):
       shuangsuiji page <folder>

Details of a command: shuangsuiji <command> --help

Common options:
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output
  --help, -h        show this help
  --version, -v     show the version

Exit codes: 0 success (verified, digest matches, files written); 1 the record does not reproduce or the digest
differs; 2 bad command or input (including a refused spec, or output files that already exist); 3 internal error
(a bug: please report it). No stack trace is ever printed; with --json, stdout holds exactly one JSON document
whatever the outcome.`;

const REGISTER_ZH = `名录库可为 CSV（首行为表头；Excel 的首行 sep=; 指定分隔符）、Excel 工作簿 .xlsx（默认第一个可见工作表，
--sheet 名称或序号 可指定；日期格式的单元格读作 YYYY-MM-DD）、JSON 数组或 JSON Lines（每行一个对象），大文件以
流式读取。编码为 UTF-8（可带 BOM）或 GB18030/GBK，自动识别并在输出中注明（--encoding 可指定）；不是文本的文件（如 .xls、
图片、压缩包）按错误码报告。列名按默认表头映射识别（如“统一社会信用代码”）；未知列是错误（不会被悄悄忽略），可用
--headers 列名=字段 映射，或用 --ignore-columns 列名 忽略；每次运行都列出各列对应的字段。同名的两列、以科学计数法显示的
编号或代码（如 9.13501E+17：将该列设为文本格式后重新导出）均报错。一个单元格不超过 65534 字节，一行记录不超过 1 MiB、
1024 个字段，JSON 嵌套不超过 64 层，整体读入的文件（记录、历史、检查对象、事实、核验匹配时的人员名录库）须为 UTF-8，
不超过 64 MiB；超出时按行号报告错误码。`;

const REGISTER_EN = `Registers may be CSV (header row first; Excel's first line sep=; sets the separator), an Excel workbook
.xlsx (the first visible sheet, or --sheet name|number; date-formatted cells read as YYYY-MM-DD), a JSON array or JSON
Lines; large files are streamed. The encoding is UTF-8 (BOM optional) or GB18030/GBK, detected and stated in the
output (--encoding forces one); a file that is not text (.xls, an image, an archive) is refused with a code. Columns
are read through the default header mapping (统一社会信用代码 …); an unknown column is an error, never dropped
silently: map it with --headers column=field or drop it with --ignore-columns column; every run lists which column
fed which field. Two columns of one name, and ids or codes in scientific notation (9.13501E+17: format the column as
text and export again) are errors. A cell may hold at most 65,534 bytes, a row 1 MiB and 1,024 fields, JSON may nest
64 levels, and a file read whole (record, history, targets, facts, the inspector register of a match) must be UTF-8
and may hold 64 MiB; beyond, a coded problem names the line.`;

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
  --encoding <编码> 名录库的编码：utf-8 或 gb18030（gbk 亦可）；默认自动识别
  --headers <列名=字段,…>
                    把名录库的列映射到字段（可多次给出）
  --headers-file <文件>
                    同上，JSON 对象 { "列名": "字段" }
  --ignore-columns <列名,…>
                    忽略这些列（其他未知列为错误）
  --sheet <名称|序号>
                    .xlsx 工作簿中要读取的工作表
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON
  --progress        显示读取进度（百分比、每秒行数、预计剩余时间；终端上默认显示）；--no-progress 关闭
  --workers <n>     读取名录库的线程数（默认每个处理器核心一个，用于 8 MiB 以上的文件；1 为单线程）；结果与单线程完全相同
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
  --encoding <name> the register's encoding: utf-8 or gb18030 (gbk is taken too); default: detected
  --headers <column=field,…>
                    map columns of the register to fields (may be given more than once)
  --headers-file <file>
                    the same, as a JSON object { "column": "field" }
  --ignore-columns <column,…>
                    ignore these columns (other unknown columns are errors)
  --sheet <name|number>
                    the sheet of an .xlsx workbook to read
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output
  --progress        show reading progress (percentage, rows/s, time left; default on terminals); --no-progress
                    turns it off
  --workers <n>     threads reading the register (default: one per core, for files of 8 MiB or more; 1: one
                    thread); the result is the same byte for byte
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
  --encoding <编码> 名录库的编码：utf-8 或 gb18030（gbk 亦可）；默认自动识别
  --headers <列名=字段,…>
                    把名录库的列映射到字段（可多次给出）
  --headers-file <文件>
                    同上，JSON 对象 { "列名": "字段" }
  --ignore-columns <列名,…>
                    忽略这些列（其他未知列为错误）
  --sheet <名称|序号>
                    .xlsx 工作簿中要读取的工作表
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON：{ "ok": true, "digest": …, "size": …, "encoding": …, "columns": [...] }
  --progress        显示读取进度（百分比、每秒行数、预计剩余时间；终端上默认显示）；--no-progress 关闭
  --workers <n>     读取名录库的线程数（默认每个处理器核心一个，用于 8 MiB 以上的文件；1 为单线程）；结果与单线程完全相同
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
  --encoding <name> the register's encoding: utf-8 or gb18030 (gbk is taken too); default: detected
  --headers <column=field,…>
                    map columns of the register to fields (may be given more than once)
  --headers-file <file>
                    the same, as a JSON object { "column": "field" }
  --ignore-columns <column,…>
                    ignore these columns (other unknown columns are errors)
  --sheet <name|number>
                    the sheet of an .xlsx workbook to read
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output: { "ok": true, "digest": …, "size": …, "encoding": …, "columns": [...] }
  --progress        show reading progress (percentage, rows/s, time left; default on terminals); --no-progress
                    turns it off
  --workers <n>     threads reading the register (default: one per core, for files of 8 MiB or more; 1: one
                    thread); the result is the same byte for byte
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

const DRAW_ZH = `用法：shuangsuiji draw <名录库.csv|.json|.jsonl> --spec <抽取规则.json> <种子> [--commitment <承诺值> [--salt <盐>]]
         [--history <往期检查记录.json>] --out <文件夹> [选项]

按抽取规则和种子从检查对象名录库中随机抽取（与程序库 drawTargets 相同），写出：
  <文件夹>/draw-record.json  抽取记录：公布，任何人可用 shuangsuiji verify 核验
  <文件夹>/drawn.csv         抽中名单（UTF-8 带 BOM，Excel 可直接打开）：序号、统一社会信用代码/编号、名称、签号、
                             分层、入样概率……；以 = + - @ 开头的单元格前加 '，不会被当作公式执行
并列出名录库摘要和行数、种子及其来源、抽中数量和文件位置。已存在的输出文件不会被覆盖（加 --force 才覆盖）。

种子（恰好给出一种）：
  --dice <读数>                   当众掷出的十面骰读数，至少 20 位（与 shuangsuiji seed 相同）
  --contributions <文件.json>     多方贡献：JSON 数组 [{ "party": 参与方, "value": 贡献值 }, …]，按事先公布的顺序
  --beacon-source <来源> --beacon-round <轮次> --beacon-value <十六进制值>
                                  公共随机信标（在公布名录库摘要之后才产生的那一轮）

抽取规则（JSON）：label（抽取标签，每批不同）、population（范围：statuses、filter 定向条件）、size（{ "count": n } 或
{ "ratio": "5%", "rounding": "up", "minimum": 1 }）、stratification（分层）、weights（风险加权）、exclusion（年度去重，
需 --history）、shortfall。详见 docs/spec.md 第 6 节。规则有误时报程序库的错误码和位置（如 INVALID_SPEC、INVALID_SIZE），
退出码 2。按比例、分层或加权的抽取读取名录库两遍。

${REGISTER_ZH}

选项：
  --spec <文件>         抽取规则
  --commitment <承诺值> 事先公布的种子承诺值（shuangsuiji seed --salt 所得），抽取时核对并写入记录
  --salt <盐>           承诺值所用的盐
  --history <文件>      往期检查记录（JSON 数组，每项 {entityId, date, department, item}），用于年度去重
  --out <文件夹>        输出文件夹（不存在时新建）
  --force               覆盖已存在的输出文件
  --encoding、--headers、--headers-file、--ignore-columns
                        名录库的读取选项，与 digest 相同（同一名录库须以同样的选项读取）
  --lang zh|en          输出语言（默认 zh）；--en 等同 --lang en
  --json                输出机器可读的 JSON：{ "ok": true, "register": …, "seed": …, "selected": n, "files": … }
  --progress            显示读取进度（终端上默认显示）；--no-progress 关闭
  --workers <n>         读取名录库的线程数（默认每个处理器核心一个，用于 8 MiB 以上的文件；1 为单线程）；
                        抽取记录与单线程完全相同
  --help, -h            显示帮助

退出码：0 已抽取并写出文件；2 命令或输入有误（名录库格式错误按行号列出，抽取规则、种子、承诺值被拒，输出文件已存在）；
3 内部错误（请报告）。`;

const DRAW_EN = `Usage: shuangsuiji draw <register.csv|.json|.jsonl> --spec <spec.json> <seed> [--commitment <hash> [--salt <salt>]]
         [--history <history.json>] --out <folder> [options]

Draws at random from the entity register by the spec and the seed (the library's drawTargets) and writes:
  <folder>/draw-record.json  the draw record: publish it; anyone can check it with shuangsuiji verify
  <folder>/drawn.csv         the drawn entities (UTF-8 with BOM, opens in Excel), Chinese headers: 序号,
                             统一社会信用代码/编号, 名称, 签号 (ticket), 分层 (stratum), 入样概率 (inclusion probability) …;
                             a cell starting with = + - @ gets a leading ' so it never runs as a formula
and prints the register digest and size, the seed and its origin, how many were drawn and where the files went.
Existing output files are never replaced unless --force is given.

Seed (exactly one):
  --dice <digits>                 ten-sided dice rolled in public, 20 digits or more (as shuangsuiji seed)
  --contributions <file.json>     several parties: a JSON array [{ "party", "value" }, …] in the order stated beforehand
  --beacon-source <source> --beacon-round <round> --beacon-value <hex>
                                  a public randomness beacon round that closed after the register digest was published

The spec (JSON): label (new for every batch), population (statuses, filter), size ({ "count": n } or { "ratio": "5%",
"rounding": "up", "minimum": 1 }), stratification, weights, exclusion (needs --history), shortfall; see docs/spec.md
section 6. A refused spec is reported with the library's code and path (INVALID_SPEC, INVALID_SIZE …), exit 2. Draws
by ratio, strata or weights read the register twice.

${REGISTER_EN}

Options:
  --spec <file>         the draw spec
  --commitment <hash>   the seed commitment published before (from shuangsuiji seed --salt): checked and recorded
  --salt <salt>         the salt of the commitment
  --history <file>      inspection history (JSON array of {entityId, date, department, item}) for the exclusion
  --out <folder>        output folder (created when absent)
  --force               replace output files that already exist
  --encoding, --headers, --headers-file, --ignore-columns
                        how to read the register, as for digest (read one register with the same options)
  --lang zh|en          output language (default zh); --en is --lang en
  --json                machine-readable JSON output: { "ok": true, "register": …, "seed": …, "selected": n, "files": … }
  --progress            show reading progress (default on terminals); --no-progress turns it off
  --workers <n>         threads reading the register (default: one per core, for files of 8 MiB or more; 1: one
                        thread); the record is the same byte for byte
  --help, -h            show this help

Exit codes: 0 drawn and written; 2 bad command or input (register problems by line; a refused spec, seed or
commitment; output files that exist); 3 internal error (please report it).`;

const MATCH_ZH = `用法：shuangsuiji match <检查对象> --inspectors <执法检查人员名录库.csv> --rules <匹配规则.json> [--facts <回避事实.json>]
         <种子> [--register <名录库.csv>] --out <文件夹> [选项]

为抽中的检查对象随机选派执法检查人员（与程序库 matchInspectors 相同）：执法证有效、部门、业务专长、回避（申报、
近亲属、当事人申请、所所交叉、轮换）、工作量上限，必要时使用相邻区域人员。写出：
  <文件夹>/match-record.json  匹配记录：公布，任何人可用 shuangsuiji verify 核验
  <文件夹>/targets.json       匹配所用的检查对象（核验时以 --targets 给出）
  <文件夹>/teams.csv          检查组名单（UTF-8 带 BOM，Excel 可直接打开）：检查对象、执法检查人员、专家……
并列出无法选派的检查对象及原因，以及未对应任何检查对象或人员的回避信息（多半是编号写错）。
已存在的输出文件不会被覆盖（加 --force 才覆盖）。

<检查对象>：
  抽取记录（draw-record.json）：取其中被抽中的对象；加 --register <抽取所用的名录库> 补全属地监管单位和法定代表人
    （先核对该名录库的摘要与记录一致）。规则要求所所交叉或事实含近亲属名单时必须加 --register。
  检查对象 JSON 数组（每项 { id, supervisingUnit?, legalRepresentative?, requiredExpertise? }），或 CSV / JSON Lines
    表格（列：编号或统一社会信用代码、名称、属地监管单位、法定代表人、所需业务专长）。

种子（恰好给出一种）：--dice <读数>、--contributions <文件.json>、--beacon-source/--beacon-round/--beacon-value，
  或 --seed <64 位十六进制种子>（如抽取记录中的 seed）。

匹配规则（JSON 对象）：label（匹配标签）、date（检查日期）、department（发起部门），以及 cooperatingDepartments、
  departmentMinimums、teamSize、requiredExpertise、maxTargetsPerInspector、crossUnit、rotationYears、expertsPerTarget、
  requiredExpertExpertise。详见 docs/spec.md 第 II 部分 M1。
回避事实（JSON 对象，与 verify 的第三个参数相同）：conflicts、relatives、recusalRequests、history、neighbourInspectors。

选项：
  --inspectors <文件>   执法检查人员名录库（CSV、JSON 或 JSON Lines，与 verify 读法相同）
  --rules <文件>        匹配规则
  --facts <文件>        回避等事实
  --register <文件>     检查对象为抽取记录时：抽取所用的名录库（按默认表头读取）
  --out <文件夹>        输出文件夹（不存在时新建）
  --force               覆盖已存在的输出文件
  --encoding、--headers、--headers-file、--ignore-columns
                        执法检查人员名录库的读取选项，与 verify 相同
  --lang zh|en          输出语言（默认 zh）；--en 等同 --lang en
  --json                输出机器可读的 JSON：{ "ok": true, "complete": …, "unstaffable": […], "unmatchedFacts": …, "files": … }
  --progress            显示读取进度（终端上默认显示）；--no-progress 关闭
  --help, -h            显示帮助

退出码：0 已匹配并写出文件（有无法选派的检查对象时也是 0，并列出原因）；2 命令或输入有误；3 内部错误（请报告）。`;

const MATCH_EN = `Usage: shuangsuiji match <targets> --inspectors <inspectors.csv> --rules <rules.json> [--facts <facts.json>]
         <seed> [--register <register.csv>] --out <folder> [options]

Draws the inspectors for the drawn targets at random (the library's matchInspectors): valid certificates,
departments, expertise, recusal (declared conflicts, relatives, the entity's requests, cross-unit, rotation),
workload limits and, where needed, the neighbouring pool. Writes:
  <folder>/match-record.json  the match record: publish it; anyone can check it with shuangsuiji verify
  <folder>/targets.json       the targets as matched (give them to verify with --targets)
  <folder>/teams.csv          the teams (UTF-8 with BOM, opens in Excel), Chinese headers: 检查对象, 执法检查人员, 专家 …
and lists the targets that cannot be staffed with their reasons, and the facts that name no target or inspector of
this match (most likely a mistyped id). Existing output files are never replaced unless --force is given.

<targets>:
  a draw record (draw-record.json): its selected entities; add --register <the register the draw read> for their
    supervising units and legal representatives (its digest is checked against the record first). Required when the
    rules ask for crossUnit or the facts list relatives.
  a JSON array of targets ({ id, supervisingUnit?, legalRepresentative?, requiredExpertise? }), or a CSV / JSON Lines
    table (columns: 编号 or 统一社会信用代码, 名称, 属地监管单位, 法定代表人, 所需业务专长).

Seed (exactly one): --dice <digits>, --contributions <file.json>, --beacon-source/--beacon-round/--beacon-value, or
  --seed <64 hex characters> (e.g. the seed of the draw record).

Rules (a JSON object): label, date (the inspection day), department, and cooperatingDepartments, departmentMinimums,
  teamSize, requiredExpertise, maxTargetsPerInspector, crossUnit, rotationYears, expertsPerTarget,
  requiredExpertExpertise; see docs/spec.md part II, M1.
Facts (a JSON object, the third argument of verify): conflicts, relatives, recusalRequests, history, neighbourInspectors.

Options:
  --inspectors <file>   the inspector register (CSV, JSON or JSON Lines, read as verify reads it)
  --rules <file>        the rules
  --facts <file>        the recusal facts
  --register <file>     for a draw record: the register the draw read (read with the default headers)
  --out <folder>        output folder (created when absent)
  --force               replace output files that already exist
  --encoding, --headers, --headers-file, --ignore-columns
                        how to read the inspector register, as for verify
  --lang zh|en          output language (default zh); --en is --lang en
  --json                machine-readable JSON output: { "ok": true, "complete": …, "unstaffable": […], "unmatchedFacts": …, "files": … }
  --progress            show reading progress (default on terminals); --no-progress turns it off
  --help, -h            show this help

Exit codes: 0 matched and written (also when some targets cannot be staffed: they are listed with their reasons);
2 bad command or input; 3 internal error (please report it).`;

const LOOKUP_ZH = `用法：shuangsuiji lookup <抽取记录.json> <标识> [--entity <本单位信息.json>] [选项]

查询本单位（个体可核验）：只凭公布的抽取记录（不需要名录库），说明该单位是否被抽中；未被抽中时，给出它的号码
（签号）和所在层最后一个入选号码，并用中文说明：“您的号码大于本层最后一个入选号码，因此未被抽中”，或“如果您属于
本层的抽查对象总体，就必然会被抽中”——名单中没有您，就说明您当时不在总体之内，或记录有误。任何单位都可以借此确认
自己没有被跳过，也没有被特意挑中。规则见 docs/spec.md 第 7.8 节。

先核对记录本身：格式、种子来源、承诺值、抽取规则，以及名单中每个号码确由种子、抽取标识和该标识算出。

<标识>：统一社会信用代码或名录库中的其他标识（按抽取的规则规范化）。
--entity <文件>：本单位在名录库中的那一行（JSON 对象，字段与名录库相同：kind、status、lists、tags、
  complaintCount、riskClass、industry、regionCode 等；id 可省略）。分层抽取时据此确定所在层，按风险加权抽取时据此算出
  权重和入选概率，并说明是否符合抽取范围（年度去重无法在此核对，需要往期检查记录）。

选项：
  --entity <文件>   本单位信息
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON：{ "ok": true, "outcome": { "id", "ticket", "selected", "strata": […], "summaryZh", … } }
  --help, -h        显示帮助

退出码：0 已作答；1 记录自相矛盾，不能据以作答（如名单中的号码不是由该标识算出的，种子与来源或承诺值不符）；
2 命令或输入有误（文件不是 JSON、记录格式不对、标识或本单位信息无效）；3 内部错误（请报告）。`;

const LOOKUP_EN = `Usage: shuangsuiji lookup <draw-record.json> <id> [--entity <row.json>] [options]

Entity lookup (individual verifiability): from the published draw record alone (no register), says whether the
entity was drawn and, if not, gives its ticket and the last drawn ticket of its stratum, in plain words: "your ticket
is larger than the last drawn ticket of this stratum, so you were not drawn", or "had you been in this stratum's
population you would have been drawn" — so, not being on the list, either you were not in the population or the
record is wrong. Any entity can thus check that it was neither skipped nor singled out. Rules: docs/spec.md §7.8.

The record itself is checked first: its form, the seed's origin and commitment, the spec, and that every listed
ticket is the ticket the seed and label give its id.

<id>: the 统一社会信用代码 or other id as in the register (canonicalised by the draw's rule).
--entity <file>: the entity's own register row (a JSON object with the register's fields: kind, status, lists,
  tags, complaintCount, riskClass, industry, regionCode …; id may be left out). It names the stratum of a
  stratified draw and the weight and inclusion probability of a risk-weighted one, and whether the entity meets the
  draw's population (annual de-duplication cannot be checked here: it needs the inspection history).

Options:
  --entity <file>   the entity's row
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output: { "ok": true, "outcome": { "id", "ticket", "selected", "strata": […], "summaryZh", … } }
  --help, -h        show this help

Exit codes: 0 answered; 1 the record contradicts itself and is not answered from (a listed ticket that is not its
id's ticket, a seed that does not match its origin or commitment …); 2 bad command or input (a file that is not JSON,
a malformed record, a bad id or row); 3 internal error (please report it).`;

const PAGE_ZH = `用法：shuangsuiji page <文件夹> [--force] [选项]

写出离线核验页面：<文件夹>/shuangsuiji-page.html（一个独立的网页文件，不联网、不上传任何文件）和使用说明
<文件夹>/README.txt。部门把该文件夹与抽取记录、抽中名单一起放在公示页面旁边上传；公众、被检查对象和审计人员下载后
用浏览器打开，即可核验抽取、核验种子和承诺值、查询本单位是否应被抽中、核验选派，并查看签号图。
文件夹不存在时新建；已存在的文件不会被覆盖（加 --force 才覆盖）。

选项：
  --force           覆盖已存在的文件
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON：{ "ok": true, "files": [...], "bytes": … }
  --help, -h        显示帮助

退出码：0 已写出；2 命令有误或无法写入（OUTPUT_EXISTS、OUTPUT_UNWRITABLE；从源代码运行而未构建：PAGE_NOT_BUILT）；
3 内部错误（请报告）。`;

const PAGE_EN = `Usage: shuangsuiji page <folder> [--force] [options]

Writes the offline verification page: <folder>/shuangsuiji-page.html (one self-contained web page that makes no
network requests and uploads nothing) and a note, <folder>/README.txt. A department uploads the folder beside its
notices with the draw record and the drawn list; the public, the entities and auditors download it and open it in
a browser to verify the draw, the seed and its commitment, look up whether their entity had to be drawn, verify
the match, and see the ticket pictures.
The folder is created when absent; files already there are never replaced unless --force is given.

Options:
  --force           replace files that already exist
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output: { "ok": true, "files": [...], "bytes": … }
  --help, -h        show this help

Exit codes: 0 written; 2 bad command or the files cannot be written (OUTPUT_EXISTS, OUTPUT_UNWRITABLE; run from
source without a build: PAGE_NOT_BUILT); 3 internal error (please report it).`;

const PAGES: Readonly<Record<Command | 'overview', { readonly zh: string; readonly en: string }>> = {
  overview: { zh: OVERVIEW_ZH, en: OVERVIEW_EN },
  verify: { zh: VERIFY_ZH, en: VERIFY_EN },
  digest: { zh: DIGEST_ZH, en: DIGEST_EN },
  seed: { zh: SEED_ZH, en: SEED_EN },
  draw: { zh: DRAW_ZH, en: DRAW_EN },
  match: { zh: MATCH_ZH, en: MATCH_EN },
  lookup: { zh: LOOKUP_ZH, en: LOOKUP_EN },
  page: { zh: PAGE_ZH, en: PAGE_EN },
};

/** The help page of `command` (the overview when undefined) in `language`. */
export function helpText(command: Command | undefined, language: Language): string {
  return PAGES[command ?? 'overview'][language];
}
