// Jest reporter: writes the run's totals to .tmp/test-summary.json and prints the plain
// "N passed, N failed" line CI reads. A suite that failed to run counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const dir = path.join(__dirname, '..', '..', '.tmp');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'test-summary.json'), JSON.stringify({ passed, failed }));
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}

module.exports = SummaryReporter;
