// Node decodes GBK but does not encode it; Alipay writes its bill files in GBK. The table is the decoder run
// backwards over every two-byte code, built once.
let table: Map<string, Buffer> | undefined;

function buildTable(): Map<string, Buffer> {
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Buffer.from([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, Buffer.from([lead, trail]));
    }
  }
  return map;
}

export function encodeGbk(text: string): Buffer {
  table ??= buildTable();
  const parts: Buffer[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) parts.push(Buffer.from([code]));
    else {
      const bytes = table.get(char);
      if (bytes === undefined) throw new Error(`${char} has no GBK code`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}
