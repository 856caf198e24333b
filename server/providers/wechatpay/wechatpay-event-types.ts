export const wechatpayPaymentEventTypes: ReadonlySet<string> = new Set(['TRANSACTION.SUCCESS']);
export const wechatpayRefundEventTypes: ReadonlySet<string> = new Set(['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']);
