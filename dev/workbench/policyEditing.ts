/**
 * The workbench edits the policy file both as JSON text and through form controls. The form reads and writes
 * fields of the parsed JSON; when the text is not a JSON object, the form is read-only until it is fixed.
 */
export type JsonObject = Record<string, unknown>;

export function parseJsonObject(text: string | null): JsonObject | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** Sets (or, for undefined / empty, removes) a field at a dotted path, dropping objects left empty. */
export function withField(object: JsonObject, path: string, value: unknown): JsonObject {
  const [head, ...rest] = path.split('.');
  if (!head) return object;
  const copy: JsonObject = { ...object };
  if (rest.length === 0) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  const inner = withField(
    child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as JsonObject) : {},
    rest.join('.'),
    value,
  );
  if (Object.keys(inner).length === 0) delete copy[head];
  else copy[head] = inner;
  return copy;
}

export function fieldAt(object: JsonObject | null, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as JsonObject)[part];
  }
  return current;
}

export function stringifyPolicy(object: JsonObject): string {
  return JSON.stringify(object, null, 2);
}

/** "AUS, jpn" → ["AUS", "JPN"]; used for the list fields. */
export function splitList(text: string, upper = false): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim()))
    .filter(Boolean);
}
