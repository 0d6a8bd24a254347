// chrono-node's findings as TimeML-style timexes, for peer_accuracy.py (run with node).
//
//   TZ=UTC node benchmarks/chrono_spans.js MODULE_DIR DOCS_JSON
//
// DOCS_JSON is a list of {"id", "text", "reference"} (reference: an ISO instant, the
// document's creation date at noon UTC). Prints one JSON object: id -> list of
// {start, end, text, type, value}. chrono reports which date and time fields the text
// fixed ("certain") and which it implied; the timex is built from that:
//   an hour fixed                   -> TIME  YYYY-MM-DDTHH:MM
//   a day, weekday or relative day  -> DATE  YYYY-MM-DD
//   a month (no day)                -> DATE  YYYY-MM
//   a year alone                    -> DATE  YYYY
// chrono finds no durations or sets, so it never predicts those types.
"use strict";

const fs = require("fs");

const [moduleDir, docsPath] = process.argv.slice(2);
const chrono = require(require.resolve("chrono-node", { paths: [moduleDir] }));
const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));

const pad = (n, width = 2) => String(n).padStart(width, "0");

function timex(result) {
  const c = result.start;
  const day = `${pad(c.get("year"), 4)}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
  let type = "DATE";
  let value;
  if (c.isCertain("hour")) {
    type = "TIME";
    value = `${day}T${pad(c.get("hour"))}:${pad(c.get("minute"))}`;
  } else if (c.isCertain("day") || c.isCertain("weekday")) {
    value = day;
  } else if (c.isCertain("month")) {
    value = `${pad(c.get("year"), 4)}-${pad(c.get("month"))}`;
  } else {
    value = pad(c.get("year"), 4);
  }
  return { start: result.index, end: result.index + result.text.length, text: result.text, type, value };
}

const out = {};
for (const doc of docs) {
  out[doc.id] = chrono.parse(doc.text, new Date(doc.reference)).map(timex);
}
console.log(JSON.stringify(out));
