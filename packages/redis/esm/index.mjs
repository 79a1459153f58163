// The ESM entry: the CommonJS build re-exported, so a program that both imports and requires
// @typemcp/redis shares one copy (one metadata store, one set of classes).
export * from '../dist/index.js';
