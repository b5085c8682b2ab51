import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n) => { const cf = n.callFrame; const file = cf.url.replace(/.*node_modules\//, "nm/").replace(/.*\.next\/server\/chunks\//, ""); return `${cf.functionName || "(anon)"} ${file}:${cf.lineNumber}:${cf.columnNumber}`; };
const incl = new Map(); let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const t = p.timeDeltas[i] ?? 0; let id = p.samples[i];
  if (byId.get(id).callFrame.functionName === "(idle)") continue;
  total += t;
  const seen = new Set();
  while (id !== undefined) { const k = keyOf(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } id = parent.get(id); }
}
const filter = process.argv[3] ? new RegExp(process.argv[3]) : null;
console.log("busy", (total/1000).toFixed(0), "ms");
console.log([...incl].filter(([k]) => !filter || filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 60)).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)}ms ${k}`).join("\n"));
