/** The header better-auth reads the client address from; handleAuthRequest overwrites whatever a sender put in it. */
export const clientAddressHeader = 'x-paygate-client-address';
