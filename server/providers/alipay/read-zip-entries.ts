import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '@/lib/errors';

const gbk = new TextDecoder('gbk');
const maxEntryBytes = 256 * 1024 * 1024;

function fail(message: string): never {
  throw new AppError('validation_failed', `bill archive: ${message}`);
}

function inflate(packed: Buffer, size: number, name: string): Buffer {
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    return fail(`${name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The files of a zip archive (stored or deflated; no zip64), each checked against its CRC-32. Alipay's bill archives
 * name their files in GBK without the UTF-8 flag, so names are read as GBK unless the flag says UTF-8.
 */
export function readZipEntries(zip: Buffer): Array<{ name: string; data: Buffer }> {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at -= 1) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; data: Buffer }> = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) fail(`central directory entry ${index} is broken`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? rawName.toString('utf8') : gbk.decode(rawName);
    if (packedSize === 0xffffffff || size === 0xffffffff || size > maxEntryBytes) fail(`${name} is too large`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) fail(`${name} has no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + packedSize > zip.length) fail(`${name} runs past the end of the archive`);
    const packed = zip.subarray(start, start + packedSize);
    let data: Buffer;
    if (method === 0) data = packed;
    else if (method === 8) data = inflate(packed, size, name);
    else fail(`${name} uses compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc) fail(`${name} fails its CRC-32`);
    entries.push({ name, data });
    at += 46 + skip;
  }
  return entries;
}
