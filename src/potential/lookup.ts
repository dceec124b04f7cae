/**
 * Name lookups from user input. A plain object literal inherits `constructor`,
 * `toString`, `__proto__` … from Object.prototype, so `table[name]` answers
 * for names that are not in the table: every lookup of a user-given name goes
 * through {@link own} (own properties only).
 */

/** `table[key]` if `key` is the table's own property, else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
