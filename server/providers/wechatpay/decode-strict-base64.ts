import { AppError } from '@/lib/errors';

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Buffer.from(…, 'base64') silently skips garbage; a header or field that is not canonical base64 is a bad request.
export function decodeStrictBase64(value: string, what: string): Buffer {
  if (value === '' || !base64.test(value)) throw new AppError('bad_request', `${what} is not valid base64`);
  return Buffer.from(value, 'base64');
}
