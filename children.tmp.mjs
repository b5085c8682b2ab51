import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const target = new RegExp(process.argv[3]);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const selfT = new Map();
for (let i = 0; i < p.samples.length; i++) selfT.set(p.samples[i], (selfT.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const inclOf = (id) => { const n = byId.get(id); let t = selfT.get(id) ?? 0; for (const c of n.children ?? []) t += inclOf(c); return t; };
const keyOf = (n) => { const cf = n.callFrame; return `${cf.functionName || "(anon)"} ${cf.url.replace(/.*\//, "")}:${cf.lineNumber}:${cf.columnNumber}`; };
const agg = new Map();
for (const n of p.nodes) {
  if (!target.test(keyOf(n))) continue;
  agg.set("(self)", (agg.get("(self)") ?? 0) + (selfT.get(n.id) ?? 0));
  for (const c of n.children ?? []) { const k = keyOf(byId.get(c)); agg.set(k, (agg.get(k) ?? 0) + inclOf(c)); }
}
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(6)}ms ${k}`).join("\n"));
