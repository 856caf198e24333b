import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { readZipEntries } from './read-zip-entries';

// One entry, written by hand: the reader is checked against the format, not against a writer of ours.
function zipOf(name: Buffer, data: Buffer, options: { utf8Name?: boolean; method?: 0 | 8 } = {}): Buffer {
  const method = options.method ?? 8;
  const packed = method === 8 ? deflateRawSync(data) : data;
  const flags = options.utf8Name ? 0x800 : 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

const gbkName = Buffer.from([0xd2, 0xb5, 0xce, 0xf1, 0x2e, 0x63, 0x73, 0x76]); // 业务.csv in GBK

test('reads deflated and stored entries, names in GBK unless flagged UTF-8', () => {
  const data = Buffer.from('a,b\r\n1,2\r\n');
  assert.deepEqual(readZipEntries(zipOf(gbkName, data)), [{ name: '业务.csv', data }]);
  assert.deepEqual(readZipEntries(zipOf(Buffer.from('业务.csv'), data, { utf8Name: true, method: 0 })), [{ name: '业务.csv', data }]);
});

test('refuses a corrupted entry, a missing directory and an unknown method', () => {
  const zip = zipOf(gbkName, Buffer.from('x'.repeat(100)), { method: 0 });
  zip[40] ^= 1;
  assert.throws(() => readZipEntries(zip), /CRC-32/);
  assert.throws(() => readZipEntries(Buffer.from('no zip here, just text that is long enough')), /no end of central directory/);
  const odd = zipOf(gbkName, Buffer.from('x'), { method: 0 });
  odd.writeUInt16LE(12, odd.length - 22 - 46 - gbkName.length + 10);
  assert.throws(() => readZipEntries(odd), /compression method 12/);
});
