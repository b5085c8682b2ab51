import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < p.samples.length; i++) { counts.set(p.samples[i], (counts.get(p.samples[i]) ?? 0) + (dt[i] ?? 0)); }
const fileSelf = new Map(); const fnSelf = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); total += t;
  const cf = n.callFrame; const file = cf.url.replace(/.*node_modules\//, "nm/").replace(/.*\.next\//, ".next/");
  const key = `${cf.functionName || "(anon)"} ${file}:${cf.lineNumber}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  const fk = file.split("/").slice(0, 3).join("/");
  fileSelf.set(fk, (fileSelf.get(fk) ?? 0) + t);
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([a, b]) => `${(b / 1000).toFixed(0).padStart(7)}ms ${(100 * b / total).toFixed(1).padStart(5)}% ${a}`).join("\n");
console.log("total", (total / 1000).toFixed(0), "ms");
console.log(top(fileSelf, 25)); console.log("---"); console.log(top(fnSelf, 40));
