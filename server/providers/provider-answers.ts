import type { ProviderName } from './provider-notification';

export type ProviderAnswer = { status: number; body: string; contentType: string };

// WeChat Pay v3 takes 200 or 204 as received; a body is optional, and {"code":"SUCCESS"} also reads well in logs.
// Alipay only stops retrying when the body is exactly the seven characters `success`.
export function answerSuccess(provider: ProviderName): ProviderAnswer {
  if (provider === 'alipay') return { status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' };
  return { status: 200, body: JSON.stringify({ code: 'SUCCESS', message: '成功' }), contentType: 'application/json; charset=utf-8' };
}

// WeChat Pay retries on any 4xx/5xx and wants {"code":"FAIL","message":…} (message at most 64 characters).
// Alipay retries on anything but `success`; its SDK samples answer `failure`.
export function answerFailure(provider: ProviderName, message: string, status: number): ProviderAnswer {
  const failureStatus = status >= 400 && status <= 599 ? status : 500;
  if (provider === 'alipay') return { status: failureStatus, body: 'failure', contentType: 'text/plain; charset=utf-8' };
  return {
    status: failureStatus,
    body: JSON.stringify({ code: 'FAIL', message: [...message].slice(0, 64).join('') || '失败' }),
    contentType: 'application/json; charset=utf-8',
  };
}
