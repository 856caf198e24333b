// The APIv3 key is a 32-character string used as raw AES-256 key bytes; anything else is a configuration mistake.
export function toWechatpayApiV3KeyBytes(apiV3Key: string | Buffer): Buffer {
  const bytes = typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key;
  if (bytes.length !== 32) throw new Error(`WeChat Pay APIv3 key must be 32 bytes, got ${bytes.length}`);
  return bytes;
}
