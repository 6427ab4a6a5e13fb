import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain line, "Tests: N passed, N failed, N skipped", that any CI can read,
 * and lists skipped tests with their reasons so a skip is never silent.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skips: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const r = test.result();
        if (r.state === 'passed') passed++;
        else if (r.state === 'failed') failed++;
        else {
          skipped++;
          skips.push(`  skipped: ${test.fullName}${'note' in r && r.note ? ` (${String(r.note)})` : ''}`);
        }
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++; // a file that failed to load
    }
    failed += unhandledErrors.length;
    const lines = [...skips, `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
