// npm run lint: every module under lib/server/ (tests aside) must import "server-only" before
// anything else, so that a client component importing it fails the build instead of shipping
// server code (and secrets) to the browser. ESLint cannot require an import; this check does.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER = path.join(ROOT, "lib", "server");

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The first statement that is not a comment or the "use server" directive. */
function firstStatement(source: string): string | undefined {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return withoutComments
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "" && !/^["']use server["'];?$/.test(line));
}

const offenders = modules(SERVER).filter(
  (file) => firstStatement(readFileSync(file, "utf8")) !== 'import "server-only";',
);
if (offenders.length > 0) {
  console.error('These lib/server modules must start with  import "server-only";');
  for (const file of offenders) console.error(`  ${path.relative(ROOT, file)}`);
  process.exit(1);
}
console.log(`server-only: all ${modules(SERVER).length} lib/server modules import it first.`);
