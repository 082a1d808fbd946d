/**
 * `shuangsuiji digest <register> [--expect <digest>]`: the order-independent register digest and row count, to
 * publish before the seed exists (or, with `--expect`, to compare with the one published). The register is read
 * and checked exactly as `verify` reads it (`--encoding`, `--headers`, `--headers-file`, `--ignore-columns`; an
 * unknown column is an error), and hashed row by row in constant memory. Every run states the encoding, format and
 * which column fed which field.
 */
import { isShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { locatedRows, ProblemList, reportError, reportProblems } from './problems.js';
import { parallelDigest } from './parallel/parallel-digest.js';
import { parallelChoice } from './parallel/worker-option.js';
import { RegisterDigestStream } from './register-digest-stream.js';
import { READING_OPTIONS, registerReading, type RegisterReading } from './register-reading.js';

/** Runs `digest` with the positional arguments after the command name. */
export async function digestCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, say, onProgress } = ctx;
  const [registerFile] = args;
  if (registerFile === undefined || args.length > 1 || !onlyOptions(flags, ['expect', 'progress', 'workers', ...READING_OPTIONS])) return 'usage';

  let expected: string | undefined;
  if (flags.expect !== undefined) {
    expected = flags.expect.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(expected)) {
      return reportError(io, flags.json, language, {
        code: 'INVALID_EXPECTED_DIGEST',
        messageZh: `--expect 应为 64 位十六进制的名录库摘要，收到：${JSON.stringify(flags.expect)}`,
        messageEn: `--expect must be a register digest of 64 hex characters, got ${JSON.stringify(flags.expect)}`,
      });
    }
  }

  const choice = parallelChoice(ctx);
  if (typeof choice === 'number') return choice;
  const reading = await registerReading(ctx, registerFile, 'entity');
  if (typeof reading === 'number') return reading;
  // Several threads when the file allows (issue 16 §2); otherwise, and after any problem, one thread (below).
  const parallel = await parallelDigest(registerFile, reading, choice, onProgress);
  const result = parallel.ok ? parallel.value : await digestOneThread(ctx, registerFile, reading);
  if (typeof result === 'number') return result;
  const { digest, size } = result;
  const matches = expected === undefined || expected === digest;
  if (flags.json) {
    const mismatch = {
      code: 'DIGEST_MISMATCH',
      messageZh: '名录库摘要与公布值不一致',
      messageEn: 'the register digest differs from the published one',
    };
    io.stdout(JSON.stringify({ ok: matches, ...(matches ? {} : mismatch), digest, size, ...(expected === undefined ? {} : { expected }), ...reading.summary() }, null, 2));
    return matches ? 0 : 1;
  }
  if (expected === undefined) {
    io.stdout(say(`名录库摘要（register.digest）：${digest}`, `Register digest (register.digest): ${digest}`));
    io.stdout(say(`名录库行数（register.size）：${size}`, `Register rows (register.size): ${size}`));
    io.stdout(say(
      '请在产生种子之前公布以上摘要和行数；以此名录库抽取的记录中 register.digest 与之相同。',
      "Publish the digest and row count before the seed exists; a draw over this register records the same register.digest.",
    ));
    for (const line of reading.describe(say)) io.stdout(line);
    return 0;
  }
  if (matches) {
    io.stdout(say('名录库摘要与公布值一致。', 'The register digest matches the published one.'));
    io.stdout(say(`  摘要：${digest}`, `  digest: ${digest}`));
    io.stdout(say(`  行数：${size}`, `  rows: ${size}`));
    for (const line of reading.describe(say)) io.stdout(line);
    return 0;
  }
  io.stdout(say(
    '名录库摘要与公布值不一致：所给文件不是公布摘要时的名录库（有行被增删或改动）。',
    'The register digest DIFFERS from the published one: this file is not the register whose digest was published (rows were added, removed or changed).',
  ));
  io.stdout('  code: DIGEST_MISMATCH');
  io.stdout(say(`  公布值：${expected}`, `  published: ${expected}`));
  io.stdout(say(`  本文件：${digest}`, `  this file: ${digest}`));
  io.stdout(say(`  行数：${size}`, `  rows: ${size}`));
  for (const line of reading.describe(say)) io.stdout(line);
  return 1;
}

/** The digest read by one thread, or the exit code after reporting the file's problems. */
async function digestOneThread(ctx: CommandContext, registerFile: string, reading: RegisterReading): Promise<{ readonly digest: string; readonly size: number } | number> {
  const { io, flags, language, onProgress } = ctx;
  const problems = new ProblemList();
  const stream = new RegisterDigestStream();
  const parseBatch = (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
  for await (const row of locatedRows<Entity>(registerFile, parseBatch, problems, onProgress, reading)) {
    if (problems.length > 0) continue; // keep reading to list every problem; the digest is not printed
    try {
      stream.add(row.value, row.record - 1);
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      problems.push({ file: registerFile, line: row.line, record: row.record, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn });
    }
  }
  if (problems.length > 0) return reportProblems(io, flags.json, language, problems, reading);
  if (stream.close()) {
    // Two id fingerprints collided (a duplicate id, or very rarely two ids): read the file again to name the rows.
    for await (const row of locatedRows<Entity>(registerFile, parseBatch, problems, () => {}, reading)) {
      try {
        stream.confirm(row.value, row.record - 1);
      } catch (error) {
        if (!isShuangsuijiError(error)) throw error;
        problems.push({ file: registerFile, line: row.line, record: row.record, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn });
        break;
      }
    }
    if (problems.length > 0) return reportProblems(io, flags.json, language, problems, reading);
  }

  return stream.result();
}
