/** The named settings when every one is set, or the names of those that are not. */
export function pickConfigured<Name extends string>(
  settings: Record<Name, string | undefined>,
): { values: Record<Name, string>; missing: [] } | { values: null; missing: Name[] } {
  const values: Partial<Record<Name, string>> = {};
  const missing: Name[] = [];
  for (const name of Object.keys(settings) as Name[]) {
    const value = settings[name];
    if (value) values[name] = value;
    else missing.push(name);
  }
  if (missing.length > 0) return { values: null, missing };
  return { values: values as Record<Name, string>, missing: [] };
}
