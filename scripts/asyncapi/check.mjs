// Parses and validates an AsyncAPI document with the official parser; prints every diagnostic and exits 1 on
// any error. Also writes a JUnit-style report, so scripts/test counts the check with the Java tests.
import { Parser, fromFile } from '@asyncapi/parser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [file, report] = process.argv.slice(2);
const SEVERITY = ['error', 'warning', 'info', 'hint'];
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const errors = diagnostics.filter(d => d.severity === 0);
for (const d of diagnostics) {
  console.log(`asyncapi: ${SEVERITY[d.severity]} ${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
}
const ok = document !== undefined && errors.length === 0;
console.log(`asyncapi: ${file} ${ok ? 'is valid' : `has ${errors.length} error(s)`}`);
if (report) {
  const esc = s => s.replace(/[<>&"]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }[c]));
  const failure = ok ? '' : `<failure message="${esc(errors.map(e => e.message).join('; '))}"/>`;
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="AsyncApiParser" tests="1" `
    + `failures="${ok ? 0 : 1}" errors="0" skipped="0"><testcase classname="AsyncApiParser" `
    + `name="officialParserAccepts ${esc(file)}">${failure}</testcase></testsuite>\n`);
}
process.exit(ok ? 0 : 1);
