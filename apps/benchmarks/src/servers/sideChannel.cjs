// The HTTP servers' side channel to the driver, on their stdio (HTTP carries the benchmark):
// `READY <port>` once listening; a `mem` line on stdin answers `MEM <process.memoryUsage() JSON>`
// after forced garbage collections (start the server with --expose-gc); stdin closed → exit.

/** Announces the port and serves memory probes until stdin closes. */
function announce(port) {
  process.stdout.write(`READY ${port}\n`);
  let buffer = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) !== -1) {
      const command = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (command === 'mem') void probe();
    }
  });
  process.stdin.on('end', () => process.exit(0));
}

async function probe() {
  for (let i = 0; i < 4; i++) {
    if (global.gc) global.gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.stdout.write(`MEM ${JSON.stringify(process.memoryUsage())}\n`);
}

module.exports = { announce };
