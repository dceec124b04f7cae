/**
 * Errors for bad input. Every error a user can cause says what is wrong, where
 * (1-based line and column when the input is text) and how to fix it (`hint`).
 * The CLI prints `render()` and exits with status 2; it never prints a stack.
 */

export interface ErrorLocation {
  /** 1-based line in the input text (1 for one-line inputs such as formulas). */
  readonly line?: number;
  /** 1-based column of the first offending character. */
  readonly column?: number;
  /** Number of offending characters (for the caret underline), default 1. */
  readonly length?: number;
  /** The offending line of input, shown with a caret under the column. */
  readonly source?: string;
  /** Name of the input (a file name, "formula", "argument --atoms"). */
  readonly inputName?: string;
}

/** Longest message or hint echoed by `render()`/`toJSON()`, in characters. */
const MAX_MESSAGE = 600;
/** Longest excerpt of a source line shown under an error, in characters. */
const MAX_SOURCE = 160;

/**
 * At most `max` characters of `text` for echoing user input back: longer text keeps its head and
 * tail around "…" and says how long it was ("…[102400 characters]…").
 */
export function excerpt(text: string, max = 80): string {
  if (text.length <= max) return text;
  const note = `…[${text.length} characters]…`;
  const keep = Math.max(2, max - note.length);
  const head = Math.ceil(keep * 0.7);
  return `${text.slice(0, head)}${note}${text.slice(text.length - (keep - head))}`;
}

export class SuperatomError extends Error {
  override readonly name: string = 'SuperatomError';
  readonly code: string;
  readonly hint: string | undefined;
  readonly location: ErrorLocation;

  constructor(code: string, message: string, options: { hint?: string; location?: ErrorLocation } = {}) {
    super(message);
    this.code = code;
    this.hint = options.hint;
    this.location = options.location ?? {};
  }

  /**
   * Human-readable, multi-line rendering with a caret under the failing column. Never longer than a
   * few hundred characters per line: the message is cut to MAX_MESSAGE and the source line to a
   * window of MAX_SOURCE characters around the column (a 100 kB input line is not echoed back).
   */
  render(): string {
    const { line, column, length, source, inputName } = this.location;
    const where: string[] = [];
    if (inputName) where.push(excerpt(inputName, 120));
    if (line !== undefined) where.push(`line ${line}`);
    if (column !== undefined) where.push(`column ${column}`);
    const out = [
      `error: ${excerpt(this.message, MAX_MESSAGE)}${where.length ? ` (${where.join(', ')})` : ''}`,
    ];
    if (source !== undefined) {
      // control and replacement characters (binary input) are shown as · so the caret still lines up
      const clean = source
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g, '·')
        .replace(/\t/g, ' ');
      // a window around the column: start so that the column sits in the first half
      const col = column !== undefined ? Math.max(1, column) : 1;
      const start =
        clean.length <= MAX_SOURCE || col <= MAX_SOURCE / 2
          ? 0
          : Math.min(col - 1 - MAX_SOURCE / 4, clean.length - MAX_SOURCE);
      const end = Math.min(clean.length, start + MAX_SOURCE);
      const shown = `${start > 0 ? '…' : ''}${clean.slice(start, end)}${end < clean.length ? '…' : ''}`;
      out.push(`  ${shown}`);
      const caretAt = col - 1 - start + (start > 0 ? 1 : 0);
      if (column !== undefined && caretAt <= shown.length) {
        const carets = Math.min(Math.max(1, length ?? 1), Math.max(1, shown.length - caretAt));
        out.push(`  ${' '.repeat(Math.max(0, caretAt))}${'^'.repeat(carets)}`);
      }
    }
    if (this.hint) out.push(`hint: ${excerpt(this.hint, MAX_MESSAGE)}`);
    return out.join('\n');
  }

  /** JSON-serialisable form (for `--json` error output and workers). */
  toJSON(): { error: string; code: string; hint?: string; line?: number; column?: number } {
    return {
      error: excerpt(this.message, MAX_MESSAGE),
      code: this.code,
      ...(this.hint ? { hint: excerpt(this.hint, MAX_MESSAGE) } : {}),
      ...(this.location.line !== undefined ? { line: this.location.line } : {}),
      ...(this.location.column !== undefined ? { column: this.location.column } : {}),
    };
  }
}

/** Bad user input: a formula, a file, an argument, a parameter. */
export class InputError extends SuperatomError {
  override readonly name: string = 'InputError';
}

/** A computation refused on purpose (memory cap, limit exceeded, cancelled). */
export class LimitError extends SuperatomError {
  override readonly name: string = 'LimitError';
}

/**
 * An external program (xtb, NWChem, LAMMPS) failed: missing executable, killed, timed out, non-zero
 * exit, full disk, or output that failed a sanity check. The message says which; the hint carries
 * the tail of its stderr/output when there is one.
 */
export class EngineError extends SuperatomError {
  override readonly name: string = 'EngineError';
}

export function isSuperatomError(e: unknown): e is SuperatomError {
  return e instanceof SuperatomError;
}

/** Throw an InputError unless `x` is a finite number. */
export function requireFinite(x: number, what: string, hint?: string): number {
  if (!Number.isFinite(x)) {
    throw new InputError(
      'not-finite',
      `${what} must be a finite number, got ${String(x)}`,
      hint ? { hint } : {},
    );
  }
  return x;
}
