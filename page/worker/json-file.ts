/**
 * A JSON file read whole (a draw or match record, a history, targets, facts, a spec) with the command line's
 * limits and codes: `FILE_TOO_LARGE`, `FILE_NOT_UTF8`, `FILE_BINARY`, `JSON_TOO_DEEP`, `JSON_SYNTAX` with its line.
 */
import { MAX_JSON_DEPTH, MAX_JSON_FILE_BYTES, jsonDepthExceededAt, lineAt, syntaxErrorLine } from '../../src/readers/internals/limits.js';
import { Utf8Checker } from '../../src/readers/internals/utf8-checker.js';
import type { Problems } from './register-rows.js';

function nameOf(blob: Blob, fallback: string): string {
  const name = (blob as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

/** The value of the JSON in `blob`, or `undefined` with a problem added. */
export async function readJsonBlob(blob: Blob, problems: Problems, fallbackName = 'file.json'): Promise<unknown> {
  const file = nameOf(blob, fallbackName);
  if (blob.size > MAX_JSON_FILE_BYTES) {
    const mib = Math.floor(MAX_JSON_FILE_BYTES / 1_048_576);
    problems.push({ file, line: 0, code: 'FILE_TOO_LARGE', messageZh: `文件超过 ${MAX_JSON_FILE_BYTES} 字节（${mib} MiB），超出整体读取 JSON 文件的上限`, messageEn: `the file is larger than ${MAX_JSON_FILE_BYTES} bytes (${mib} MiB), the limit for JSON files read whole` });
    return undefined;
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const checker = new Utf8Checker();
  const bad = checker.check(bytes) ?? checker.end();
  if (bad !== undefined) {
    problems.push({ file, line: bad.line, code: bad.code, messageZh: bad.messageZh, messageEn: bad.messageEn });
    return undefined;
  }
  return parseJsonText(new TextDecoder('utf-8').decode(bytes), file, problems);
}

/** The value of JSON `text` (a leading BOM allowed), or `undefined` with a problem added. */
export function parseJsonText(text: string, file: string, problems: Problems): unknown {
  if (text.trim() === '' || text === '\uFEFF') {
    problems.push({ file, line: 1, code: 'JSON_SYNTAX', messageZh: '文件为空，不是有效的 JSON', messageEn: 'the file is empty: not valid JSON' });
    return undefined;
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonDepthExceededAt(body, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const line = lineAt(body, deep);
    problems.push({ file, line, code: 'JSON_TOO_DEEP', messageZh: `第 ${line} 行：数组和对象嵌套超过 ${MAX_JSON_DEPTH} 层`, messageEn: `line ${line}: arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels` });
    return undefined;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const line = syntaxErrorLine(error, body);
    if (line === undefined) problems.push({ file, line: 0, code: 'JSON_SYNTAX', messageZh: '不是有效的 JSON', messageEn: 'not valid JSON' });
    else problems.push({ file, line, code: 'JSON_SYNTAX', messageZh: `第 ${line} 行：不是有效的 JSON`, messageEn: `line ${line}: not valid JSON` });
    return undefined;
  }
}
