/** jose as @typemcp/auth resolves it (v5, CommonJS-loadable), for tests outside packages/auth. */
export { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
