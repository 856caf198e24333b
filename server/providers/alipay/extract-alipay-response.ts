// Alipay signs the `<method>_response` member of its answer as the exact text it sent (escapes such as \/ included),
// so the text must be cut out of the body, not re-serialized. The top-level members are read by a small scanner:
// a repeated member would be verified one way and read another, so it is refused.

type Span = { start: number; end: number };

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\r\n'.includes(text[at])) at += 1;
  return at;
}

function endOfString(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index + 1;
  }
  return -1;
}

function endOfValue(text: string, at: number): number {
  if (text[at] === '"') return endOfString(text, at);
  if (text[at] !== '{' && text[at] !== '[') {
    let index = at;
    while (index < text.length && !',}] \t\r\n'.includes(text[index])) index += 1;
    return index > at ? index : -1;
  }
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      index = endOfString(text, index) - 1;
      if (index < 0) return -1;
    } else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

function topLevelMembers(text: string): Map<string, Span> | string {
  const members = new Map<string, Span>();
  let at = skipSpace(text, 0);
  if (text[at] !== '{') return 'the answer is not a JSON object';
  at = skipSpace(text, at + 1);
  while (text[at] !== '}') {
    const keyEnd = text[at] === '"' ? endOfString(text, at) : -1;
    if (keyEnd < 0) return 'the answer is not valid JSON';
    const key: unknown = JSON.parse(text.slice(at, keyEnd));
    at = skipSpace(text, keyEnd);
    if (text[at] !== ':') return 'the answer is not valid JSON';
    const start = skipSpace(text, at + 1);
    const end = endOfValue(text, start);
    if (end < 0 || typeof key !== 'string') return 'the answer is not valid JSON';
    if (members.has(key)) return `the answer has ${key} twice`;
    members.set(key, { start, end });
    at = skipSpace(text, end);
    if (text[at] === ',') at = skipSpace(text, at + 1);
    else if (text[at] !== '}') return 'the answer is not valid JSON';
  }
  if (skipSpace(text, at + 1) !== text.length) return 'the answer has text after its JSON object';
  return members;
}

/** The signed text of a gateway answer (the method's `*_response`, or `error_response`) and its `sign`, if any. */
export function extractAlipayResponse(text: string, method: string): { content: string; sign: string | null } | { error: string } {
  const members = topLevelMembers(text);
  if (typeof members === 'string') return { error: members };
  const span = members.get(`${method.replaceAll('.', '_')}_response`) ?? members.get('error_response');
  if (span === undefined) return { error: `the answer has no ${method.replaceAll('.', '_')}_response` };
  const signSpan = members.get('sign');
  let sign: unknown = null;
  if (signSpan !== undefined) {
    try {
      sign = JSON.parse(text.slice(signSpan.start, signSpan.end));
    } catch {
      return { error: 'the answer has a sign that is not valid JSON' };
    }
    if (typeof sign !== 'string') return { error: 'the answer has a sign that is not a string' };
  }
  return { content: text.slice(span.start, span.end), sign: typeof sign === 'string' ? sign : null };
}
