// Jest global teardown: removes the packed install that packedCliSetup.js made.
const fs = require('node:fs');

module.exports = async function packedCliTeardown() {
  const dir = process.env.TYPEMCP_PACKED_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
