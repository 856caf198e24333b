import { createPublicKey, type KeyObject } from 'node:crypto';

const pemBlock = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g;

// Parsed once at boot: PEM parsing per callback would dominate the hot path. Several keys live side by side while
// WeChat Pay rotates its platform certificate.
export function loadWechatpayPlatformKeys(options: { serials: string; pems: string }): Map<string, KeyObject> {
  const serials = options.serials
    .split(',')
    .map((serial) => serial.trim())
    .filter((serial) => serial !== '');
  const pems = options.pems.replace(/\\n/g, '\n').match(pemBlock) ?? [];
  if (serials.length === 0) throw new Error('WeChat Pay platform serial list is empty');
  if (serials.length !== pems.length) {
    throw new Error(
      `WeChat Pay platform keys: ${serials.length} serial(s) but ${pems.length} PEM public key(s); give one key per serial, in the same order`,
    );
  }
  const keys = new Map<string, KeyObject>();
  serials.forEach((serial, index) => {
    if (keys.has(serial)) throw new Error(`WeChat Pay platform serial ${serial} is listed twice`);
    keys.set(serial, createPublicKey(pems[index]));
  });
  return keys;
}
