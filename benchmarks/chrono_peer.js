// chrono-node as a benchmark peer: bench.py runs this with node, never imports it.
//
//   node benchmarks/chrono_peer.js MODULE_DIR DOCS_JSON [REPEATS]
//
// MODULE_DIR holds node_modules/chrono-node (see benchmarks/README.md for the install).
// DOCS_JSON is a list of {"text", "published"} documents; each is parsed with
// chrono.parse(text, new Date(published)). One warm-up pass over every document (the
// JIT compiles on it), then the best of REPEATS passes. Prints one JSON line: seconds,
// results found, chrono's version, and the process's peak RSS in KB.
"use strict";

const fs = require("fs");
const path = require("path");

const [moduleDir, docsPath, repeatsArg] = process.argv.slice(2);
const chrono = require(require.resolve("chrono-node", { paths: [moduleDir] }));
const version = JSON.parse(
  fs.readFileSync(path.join(moduleDir, "node_modules", "chrono-node", "package.json"), "utf8"),
).version;
const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));
const repeats = Number(repeatsArg || 3);
const items = docs.map((d) => [d.text, new Date(d.published)]);

function pass() {
  let found = 0;
  for (const [text, reference] of items) {
    found += chrono.parse(text, reference).length;
  }
  return found;
}

pass();
let best = Infinity;
let count = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = process.hrtime.bigint();
  count = pass();
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({ seconds: best, count, version, peak_kb: process.resourceUsage().maxRSS }));
