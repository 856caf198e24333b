// What the sandbox provider answers one request with, before it is signed: a WeChat Pay v3 status and JSON body.
export type SandboxAnswer = {
  status: number;
  body: object | null;
  /** How to sign it: properly, with a signature that does not match, or with a timestamp long past. */
  signing?: 'proper' | 'bad_signature' | 'stale_timestamp';
};

export function sandboxError(status: number, code: string, message: string): SandboxAnswer {
  return { status, body: { code, message } };
}
