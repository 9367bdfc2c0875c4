// Prints a SARIF log's results as GitHub workflow commands (`::warning file=…,line=…::message`), which the runner shows
// as annotations on the pull request's files. Used by action.yml; run by tests/CodeLlama.Refactor.Cli.Tests.
// Usage: node sarif-annotations.mjs <log.sarif>
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const commands = { error: "error", warning: "warning", note: "notice", none: "notice" };

// Workflow command escaping: the message and each property have their own set of characters to escape.
const escapeData = (text) => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (text) => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

// Paths relative to the source root are relative to the repository's top folder, the workspace the runner checked out;
// an absolute file URI (a file outside it) is made relative to the current folder.
function file(location) {
  const uri = location?.physicalLocation?.artifactLocation?.uri;
  if (uri === undefined) {
    return undefined;
  }

  return uri.startsWith("file:") ? relative(process.cwd(), fileURLToPath(uri)) : decodeURIComponent(uri);
}

const log = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const run of log.runs ?? []) {
  const rules = run.tool?.driver?.rules ?? [];
  for (const result of run.results ?? []) {
    const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : undefined;
    const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
    const properties = [];
    const path = file(result.locations?.[0]);
    const region = result.locations?.[0]?.physicalLocation?.region;
    if (path !== undefined) {
      properties.push(`file=${escapeProperty(path)}`);
      if (region?.startLine !== undefined) {
        properties.push(`line=${region.startLine}`);
      }

      if (region?.startColumn !== undefined) {
        properties.push(`col=${region.startColumn}`);
      }
    }

    properties.push(`title=${escapeProperty(result.ruleId ?? rule?.id ?? "codellama-refactor")}`);
    console.log(`::${commands[level] ?? "warning"} ${properties.join(",")}::${escapeData(result.message?.text ?? "")}`);
  }
}
