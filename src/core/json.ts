/**
 * JSON.parse with errors that give the line and column (Node 20's messages often
 * do not): on failure a small validator walks the text to find the first offending
 * character.
 */
import { InputError } from './errors.js';

export function parseJson(text: string, inputName = 'JSON'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const at = firstJsonError(text) ?? 0;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const found =
      at >= text.length
        ? text.trim() === ''
          ? 'an empty file'
          : 'an early end of the text'
        : JSON.stringify(text[at]);
    throw new InputError(
      'json-syntax',
      at >= text.length && text.trim() === ''
        ? `${inputName} is empty, not JSON`
        : `${inputName} is not valid JSON: unexpected ${found}`,
      {
        hint: 'check commas, quotes, brackets and that every value is present',
        location: { inputName, line, column, source: text.split('\n')[line - 1] ?? '' },
      },
    );
  }
}

/** Offset of the first character at which `text` stops being valid JSON; null when it is valid. */
export function firstJsonError(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
        i++;
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (pos) {
    if (typeof pos === 'number') return pos;
    throw pos;
  }
  return null;
}
