/**
 * A small, strict, incremental XML reader for the parts of a workbook — enough of XML 1.0 for what spreadsheet
 * programs write, and nothing that can be abused:
 *
 * - no DOCTYPE, so no entity declarations, no external entities and no entity expansion: `<!DOCTYPE` and any
 *   other `<!…>` markup than a comment or CDATA section is refused;
 * - only the five predefined entities and character references to XML characters; anything else is refused;
 * - well-formedness: every tag closed by its own name, quoted attributes, no attribute twice, one root element;
 * - bounded: a tag of at most {@link MAX_TAG_CHARS} characters and {@link MAX_ATTRIBUTES} attributes, nesting at
 *   most {@link MAX_DEPTH} deep. Text is passed on in pieces as it arrives and never accumulated here.
 *
 * Elements and attributes are reported by their local names (a prefix such as `x:` is dropped), which is how
 * both the transitional and the strict SpreadsheetML namespaces are read. Violations throw `XLSX_INVALID`.
 */
import { invalid, quote } from './errors.js';

/** What the reader reports, in document order. */
export interface XmlHandler {
  /** An element starts; `attributes` is `[localName, value, …]`; `empty` for `<a/>`, whose `close` follows at once. */
  open(name: string, attributes: readonly string[], empty: boolean): void;
  /** An element ends. */
  close(name: string): void;
  /** Character data (entities decoded); one text node may come in several pieces. */
  text(text: string): void;
}

/** Longest tag (start tag with attributes, end tag, processing instruction). */
export const MAX_TAG_CHARS = 65_536;
/** Most attributes on one element. */
export const MAX_ATTRIBUTES = 64;
/** Deepest nesting of elements. */
export const MAX_DEPTH = 64;
/** Longest entity reference kept across chunks (`&#x10FFFF;` is 10). */
const MAX_ENTITY_CHARS = 12;

const GT = 62, SLASH = 47, BANG = 33, QUESTION = 63, EQUALS = 61, QUOT = 34, APOS = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Ends a name: white space, `/`, `>`, `=`. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === SLASH || c === GT || c === EQUALS;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

const enum Mode {
  Markup,
  Comment,
  Cdata,
}

/** Feed it text with `push`, then call `end`; events go to the handler as soon as they are complete. */
export class XmlReader {
  private buffer = '';
  private mode = Mode.Markup;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private first = true;

  constructor(private readonly handler: XmlHandler, private readonly part: string) {}

  private fail(zh: string, en: string): Error {
    return invalid(this.part, zh, en);
  }

  /** Reads `text`, keeping an incomplete tag or entity at its end for the next push. */
  push(text: string): void {
    const s = this.buffer.length === 0 ? text : this.buffer + text;
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.mode === Mode.Comment) {
        const close = s.indexOf('-->', i);
        if (close < 0) {
          i = Math.max(i, n - 2);
          break;
        }
        i = close + 3;
        this.mode = Mode.Markup;
        continue;
      }
      if (this.mode === Mode.Cdata) {
        const close = s.indexOf(']]>', i);
        const stop = close < 0 ? Math.max(i, n - 2) : close;
        if (stop > i) this.characters(s.slice(i, stop), false);
        if (close < 0) {
          i = stop;
          break;
        }
        i = close + 3;
        this.mode = Mode.Markup;
        continue;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text to the end; an entity cut by the chunk boundary waits for the next push.
        let stop = n;
        const amp = s.lastIndexOf('&');
        if (amp >= i && s.indexOf(';', amp) < 0) {
          if (n - amp > MAX_ENTITY_CHARS) throw this.fail('含无效的实体引用', 'has an invalid entity reference');
          stop = amp;
        }
        if (stop > i) this.characters(s.slice(i, stop), true);
        i = stop;
        break;
      }
      if (lt > i) this.characters(s.slice(i, lt), true);
      i = lt;
      const next = this.markup(s, lt);
      if (next < 0) break; // incomplete: keep from `<`
      if (next - lt > MAX_TAG_CHARS && this.mode === Mode.Markup) {
        throw this.fail(`含超过 ${MAX_TAG_CHARS} 个字符的标记`, `has a tag longer than ${MAX_TAG_CHARS} characters`);
      }
      i = next;
    }
    this.buffer = i >= n ? '' : s.slice(i);
    if (this.mode === Mode.Markup && this.buffer.length > MAX_TAG_CHARS) {
      throw this.fail(`含超过 ${MAX_TAG_CHARS} 个字符的标记`, `has a tag longer than ${MAX_TAG_CHARS} characters`);
    }
  }

  /** Checks that the document is complete. */
  end(): void {
    if (this.mode !== Mode.Markup || this.buffer.trim().length > 0) throw this.fail('不完整（在标记中间结束）', 'is incomplete (it ends inside markup)');
    if (!this.rootSeen) throw this.fail('没有根元素', 'has no root element');
    if (!this.rootClosed) throw this.fail(`不完整（元素 ${quote(this.stack[this.stack.length - 1] ?? '')} 未结束）`, `is incomplete (element ${quote(this.stack[this.stack.length - 1] ?? '')} is not closed)`);
  }

  /** Character data: inside the root it is reported; outside, only white space is allowed. */
  private characters(raw: string, decode: boolean): void {
    this.first = false;
    if (this.stack.length === 0) {
      if (raw.trim().length > 0) throw this.fail('在根元素之外含有文本', 'has text outside its root element');
      return;
    }
    this.handler.text(decode && raw.indexOf('&') >= 0 ? this.decode(raw) : raw);
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete in `s`. */
  private markup(s: string, lt: number): number {
    const n = s.length;
    if (lt + 1 >= n) return -1;
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      const name = s.slice(lt + 2, gt).trimEnd();
      const open = this.stack.pop();
      if (open !== name) {
        throw this.fail(
          open === undefined ? `有多余的结束标记 ${quote(name)}` : `的结束标记 ${quote(name)} 与开始标记 ${quote(open)} 不匹配`,
          open === undefined ? `has a stray end tag ${quote(name)}` : `has end tag ${quote(name)} for start tag ${quote(open)}`,
        );
      }
      if (this.stack.length === 0) this.rootClosed = true;
      this.first = false;
      this.handler.close(localName(name));
      return gt + 1;
    }
    if (c === BANG) {
      if (s.startsWith('<!--', lt)) {
        this.mode = Mode.Comment;
        this.first = false;
        return lt + 4;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        if (this.stack.length === 0) throw this.fail('在根元素之外含有 CDATA', 'has CDATA outside its root element');
        this.mode = Mode.Cdata;
        return lt + 9;
      }
      // Wait for enough characters to tell a comment or CDATA section from anything else.
      if (n - lt < 9 && ('<![CDATA['.startsWith(s.slice(lt)) || '<!--'.startsWith(s.slice(lt)))) return -1;
      if (s.startsWith('<!DOCTYPE', lt) || s.startsWith('<!doctype', lt)) {
        throw this.fail('含 DOCTYPE 声明（可能定义实体，出于安全考虑一律拒绝）', 'has a DOCTYPE declaration (it may define entities; refused for safety)');
      }
      throw this.fail('含不支持的 <! 标记', 'has unsupported <! markup');
    }
    if (c === QUESTION) {
      const close = s.indexOf('?>', lt + 2);
      if (close < 0) return -1;
      const body = s.slice(lt + 2, close);
      const target = /^[^\s?]+/.exec(body)?.[0] ?? '';
      if (target === 'xml') {
        if (!this.first) throw this.fail('的 XML 声明不在开头', 'has its XML declaration after the start');
        const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
        if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
          throw this.fail(`的编码为 ${quote(encoding)}，仅支持 UTF-8`, `is encoded as ${quote(encoding)}; only UTF-8 is supported`);
        }
      } else if (target.toLowerCase() === 'xml') throw this.fail('含保留的处理指令名', 'has a reserved processing-instruction name');
      this.first = false;
      return close + 2;
    }
    return this.startTag(s, lt);
  }

  /** Reads a start tag at `lt`; returns the index after it, or -1 when it is not complete in `s`. */
  private startTag(s: string, lt: number): number {
    const n = s.length;
    let p = lt + 1;
    if (!isNameStart(s.charCodeAt(p))) throw this.fail('含无效的元素名', 'has an invalid element name');
    while (p < n && !endsName(s.charCodeAt(p))) p++;
    if (p >= n) return -1;
    const name = s.slice(lt + 1, p);
    const attributes: string[] = [];
    let names: string[] | undefined;
    for (;;) {
      const before = p;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const c = s.charCodeAt(p);
      if (c === GT || c === SLASH) {
        let empty = false;
        if (c === SLASH) {
          if (p + 1 >= n) return -1;
          if (s.charCodeAt(p + 1) !== GT) throw this.fail(`的元素 ${quote(name)} 标记无效`, `has an invalid tag for element ${quote(name)}`);
          empty = true;
          p++;
        }
        this.element(name, attributes, empty);
        return p + 1;
      }
      if (p === before) throw this.fail(`的元素 ${quote(name)} 属性之间缺少空白`, `lacks white space between attributes of element ${quote(name)}`);
      // attribute name = "value" | 'value'
      const start = p;
      if (!isNameStart(c)) throw this.fail(`的元素 ${quote(name)} 含无效的属性名`, `has an invalid attribute name in element ${quote(name)}`);
      while (p < n && !endsName(s.charCodeAt(p))) p++;
      const attribute = s.slice(start, p);
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      if (s.charCodeAt(p) !== EQUALS) throw this.fail(`的属性 ${quote(attribute)} 缺少 =`, `has attribute ${quote(attribute)} without =`);
      p++;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const q = s.charCodeAt(p);
      if (q !== QUOT && q !== APOS) throw this.fail(`的属性 ${quote(attribute)} 值没有引号`, `has attribute ${quote(attribute)} with an unquoted value`);
      const close = s.indexOf(q === QUOT ? '"' : "'", p + 1);
      if (close < 0) return -1;
      let value = s.slice(p + 1, close);
      if (value.indexOf('<') >= 0) throw this.fail(`的属性 ${quote(attribute)} 值含 <`, `has < in the value of attribute ${quote(attribute)}`);
      if (value.indexOf('&') >= 0) value = this.decode(value);
      if (attributes.length >= MAX_ATTRIBUTES * 2) throw this.fail(`的元素 ${quote(name)} 属性超过 ${MAX_ATTRIBUTES} 个`, `has more than ${MAX_ATTRIBUTES} attributes on element ${quote(name)}`);
      names ??= [];
      if (names.includes(attribute)) throw this.fail(`的元素 ${quote(name)} 重复属性 ${quote(attribute)}`, `repeats attribute ${quote(attribute)} on element ${quote(name)}`);
      names.push(attribute);
      attributes.push(localName(attribute), value);
      p = close + 1;
    }
  }

  private element(name: string, attributes: readonly string[], empty: boolean): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) throw this.fail('有多个根元素', 'has more than one root element');
      this.rootSeen = true;
    }
    this.first = false;
    if (empty) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else {
      if (this.stack.length >= MAX_DEPTH) throw this.fail(`的元素嵌套超过 ${MAX_DEPTH} 层`, `nests elements more than ${MAX_DEPTH} deep`);
      this.stack.push(name);
    }
    const local = localName(name);
    this.handler.open(local, attributes, empty);
    if (empty) this.handler.close(local);
  }

  /** Decodes the predefined entities and character references of `raw`; anything else is refused. */
  private decode(raw: string): string {
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      const semi = raw.indexOf(';', amp);
      if (semi < 0 || semi - amp > MAX_ENTITY_CHARS) throw this.fail('含无效的实体引用', 'has an invalid entity reference');
      out += raw.slice(from, amp);
      const body = raw.slice(amp + 1, semi);
      out += this.entity(body);
      from = semi + 1;
    }
    return out + raw.slice(from);
  }

  private entity(body: string): string {
    switch (body) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
    }
    let code = -1;
    if (/^#[0-9]{1,7}$/.test(body)) code = Number(body.slice(1));
    else if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) code = Number.parseInt(body.slice(2), 16);
    if (code >= 0 && isXmlChar(code)) return String.fromCodePoint(code);
    if (code >= 0) throw this.fail(`含无效的字符引用 &${body};`, `has an invalid character reference &${body};`);
    throw this.fail(`含未定义的实体 ${quote(`&${body};`)}（不支持 DOCTYPE 定义的实体）`, `has the undefined entity ${quote(`&${body};`)} (entities defined by a DOCTYPE are not supported)`);
  }
}
