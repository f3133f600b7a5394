/**
 * Lists the functions longer than a limit (default 60 lines, from the line of their
 * start to that of their end), longest first: `npx tsx tools/long-functions.ts [limit] [paths…]`.
 * Reads the files git tracks (.ts, .tsx), not generated migrations. A report, not a gate.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";

type Found = { file: string; name: string; line: number; lines: number };

function nameOf(node: ts.Node): string {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) {
    return node.name?.getText() ?? "(anonymous)";
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText();
  }
  if (ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return "(anonymous)";
}

function longFunctions(file: string, limit: number): Found[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({ file, name: nameOf(node), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const [limitArg, ...paths] = process.argv.slice(2);
const limit = Number(limitArg ?? 60);
const files = execFileSync("git", ["ls-files", "--", ...(paths.length ? paths : ["."])], {
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("drizzle/"));
const all = files.flatMap((f) => longFunctions(f, limit)).sort((a, b) => b.lines - a.lines);
for (const f of all) console.log(`${f.lines}\t${f.file}:${f.line}\t${f.name}`);
console.log(`${all.length} functions over ${limit} lines`);
