// The string WeChat Pay v3 asks us to sign for a request: the URL is the path with its query string, exactly as
// sent; the body is the raw JSON (empty for GET). Each line ends with \n, the last one too.
export function buildWechatpayRequestMessage(options: {
  method: string;
  pathAndQuery: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  return `${options.method.toUpperCase()}\n${options.pathAndQuery}\n${options.timestamp}\n${options.nonce}\n${options.body}\n`;
}
