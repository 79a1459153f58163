// Jest global setup: the CLI's tests run the `typemcp` bin of a packed install, as a user gets it.
// Every package is packed (`npm pack`) and installed with its peers into a bare project under the
// OS temp directory; TYPEMCP_BIN and TYPEMCP_NODE_MODULES point the CLI tests there. Set
// TYPEMCP_BIN yourself (e.g. to packages/cli/dist/main.js) to skip this while iterating.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const PEERS = [
  'reflect-metadata@^0.2.2',
  'class-validator@^0.15.1',
  'class-transformer@^0.5.1',
  'typedi@^0.10.0',
  'hono@^4.9.0',
  '@hono/node-server@^1.19.0',
  '@types/node@^20.19.0',
];

function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE_OPTIONS' || key === 'NODE_PATH' || key === 'INIT_CWD')
      continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_loglevel: 'error',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

module.exports = async function packedCliSetup(globalConfig) {
  const selected = globalConfig.selectProjects;
  if (process.env.TYPEMCP_BIN || (Array.isArray(selected) && !selected.includes('cli'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }); // pack what the sources say
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'typemcp-packed-')));
  const tarballs = [];
  for (const name of fs.readdirSync(path.join(ROOT, 'packages')).sort()) {
    const pkgDir = path.join(ROOT, 'packages', name);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const [info] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
        cwd: pkgDir,
        encoding: 'utf8',
      }),
    );
    tarballs.push(path.join(dir, info.filename));
  }
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'typemcp-packed', version: '1.0.0', private: true }),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', ...tarballs, ...PEERS], {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.TYPEMCP_BIN = path.join(dir, 'node_modules', '@typemcp', 'cli', 'dist', 'main.js');
  process.env.TYPEMCP_NODE_MODULES = path.join(dir, 'node_modules');
  process.env.TYPEMCP_PACKED_DIR = dir;
};
