/**
 * Reads a JSON file that is needed whole — a draw or match record, a history, targets or facts file — within
 * bounds: at most {@link MAX_JSON_FILE_BYTES} bytes (checked before reading, and again while reading, for files
 * whose size the system does not know), UTF-8 only, nested at most {@link MAX_JSON_DEPTH} levels. Every failure is
 * a problem with a code, never an exception.
 */
import { open } from 'node:fs/promises';
import { jsonDepthExceededAt, lineAt, MAX_JSON_DEPTH, MAX_JSON_FILE_BYTES, syntaxErrorLine } from './limits.js';
import type { FileProblem } from './read-rows.js';
import { Utf8Checker } from './utf8-text.js';

/**
 * The value of a JSON file, or the problem that kept it from being read.
 *
 * @example
 * ```ts
 * const shown = (d: JsonDocument): string => (d.ok ? typeof d.value : d.problem.code);
 * ```
 */
export type JsonDocument = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: FileProblem };

/** Limits of {@link readJsonDocument}. */
export interface JsonDocumentLimits {
  /** Largest file in bytes (default {@link MAX_JSON_FILE_BYTES}). */
  readonly bytes?: number;
  /** Deepest nesting (default {@link MAX_JSON_DEPTH}). */
  readonly depth?: number;
}

const CHUNK_BYTES = 1 << 20;

function unreadable(error: unknown): FileProblem {
  const code = String((error as { code?: unknown } | null)?.code ?? error);
  return { line: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${code}）`, messageEn: `cannot read the file (${code})` };
}

function tooLarge(max: number): FileProblem {
  const mib = Math.floor(max / 1_048_576);
  return {
    line: 0,
    code: 'FILE_TOO_LARGE',
    messageZh: `文件超过 ${max} 字节（${mib} MiB），超出本命令整体读取 JSON 文件的上限`,
    messageEn: `the file is larger than ${max} bytes (${mib} MiB), the limit for JSON files read whole`,
  };
}

/**
 * Reads and parses the JSON file `path` (a leading BOM is allowed).
 *
 * @example
 * ```ts
 * const doc = await readJsonDocument('record.json');
 * if (!doc.ok) console.error(doc.problem.code); // e.g. FILE_UNREADABLE, FILE_TOO_LARGE, JSON_TOO_DEEP, JSON_SYNTAX
 * ```
 */
export async function readJsonDocument(path: string, limits: JsonDocumentLimits = {}): Promise<JsonDocument> {
  const maxBytes = limits.bytes ?? MAX_JSON_FILE_BYTES;
  const maxDepth = limits.depth ?? MAX_JSON_DEPTH;
  const parts: string[] = [];
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, problem: unreadable(error) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, problem: unreadable({ code: 'EISDIR' }) };
    if (stat.size > maxBytes) return { ok: false, problem: tooLarge(maxBytes) };
    const checker = new Utf8Checker();
    const decoder = new TextDecoder('utf-8');
    let total = 0;
    for (;;) {
      // A fresh buffer each time: the decoder may keep a view of the previous one.
      const buffer = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { ok: false, problem: tooLarge(maxBytes) };
      const bytes = buffer.subarray(0, bytesRead);
      const problem = checker.check(bytes);
      if (problem !== undefined) return { ok: false, problem };
      parts.push(decoder.decode(bytes, { stream: true }));
    }
    const problem = checker.end();
    if (problem !== undefined) return { ok: false, problem };
    parts.push(decoder.decode());
  } catch (error) {
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    return { ok: false, problem: unreadable(error) };
  } finally {
    await handle.close();
  }
  const text = parts.join('');
  parts.length = 0;
  if (text.trim() === '') return { ok: false, problem: { line: 1, code: 'JSON_SYNTAX', messageZh: '文件为空，不是有效的 JSON', messageEn: 'the file is empty: not valid JSON' } };
  const deep = jsonDepthExceededAt(text, maxDepth);
  if (deep >= 0) {
    const line = lineAt(text, deep);
    return { ok: false, problem: { line, code: 'JSON_TOO_DEEP', messageZh: `第 ${line} 行：数组和对象嵌套超过 ${maxDepth} 层`, messageEn: `line ${line}: arrays and objects nest deeper than ${maxDepth} levels` } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const line = syntaxErrorLine(error, text);
    if (line === undefined) return { ok: false, problem: { line: 0, code: 'JSON_SYNTAX', messageZh: '不是有效的 JSON', messageEn: 'not valid JSON' } };
    return { ok: false, problem: { line, code: 'JSON_SYNTAX', messageZh: `第 ${line} 行：不是有效的 JSON`, messageEn: `line ${line}: not valid JSON` } };
  }
}
