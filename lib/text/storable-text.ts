// PostgreSQL refuses U+0000 in `text` and `jsonb` (and the driver turns lone surrogates into U+FFFD by itself), so
// strings from outside either get refused at the boundary (API input) or made storable (evidence of refused traffic).
/** The same text with every character PostgreSQL cannot store replaced by U+FFFD: for evidence, never for facts. */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

/** The path of the first string in a parsed JSON value (keys included) that PostgreSQL could not store, or null. */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')].join('.');
      const found = findUnstorableText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
