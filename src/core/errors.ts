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

  /** Human-readable, multi-line rendering with a caret under the failing column. */
  render(): string {
    const { line, column, length, source, inputName } = this.location;
    const where: string[] = [];
    if (inputName) where.push(inputName);
    if (line !== undefined) where.push(`line ${line}`);
    if (column !== undefined) where.push(`column ${column}`);
    const out = [`error: ${this.message}${where.length ? ` (${where.join(', ')})` : ''}`];
    if (source !== undefined) {
      // control and replacement characters (binary input) are shown as · so the caret still lines up
      const clean = source
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g, '·')
        .replace(/\t/g, ' ');
      const shown = clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
      out.push(`  ${shown}`);
      if (column !== undefined && column - 1 <= shown.length) {
        out.push(`  ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(Math.max(1, length ?? 1))}`);
      }
    }
    if (this.hint) out.push(`hint: ${this.hint}`);
    return out.join('\n');
  }

  /** JSON-serialisable form (for `--json` error output and workers). */
  toJSON(): { error: string; code: string; hint?: string; line?: number; column?: number } {
    return {
      error: this.message,
      code: this.code,
      ...(this.hint ? { hint: this.hint } : {}),
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
