// Renders every Adaptive Card JSON file in a folder with Microsoft's official renderer (the `adaptivecards` package)
// inside jsdom, and prints one JSON line per card: its parse and validation failures and whether it rendered.
// Usage: node render-check.mjs <folder>. Exit code 0 when every card parsed, validated and rendered cleanly.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true, url: "http://localhost/" });
// The renderer expects a browser: expose jsdom's window, document and DOM classes (HTMLButtonElement, …) as globals.
for (const name of ["window", "document", "navigator", ...Object.getOwnPropertyNames(dom.window)]) {
  if (!(name in globalThis) && !name.startsWith("on") && name !== "localStorage" && name !== "sessionStorage") {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}

// The package's ESM build uses extension-less imports that Node cannot resolve; its UMD bundle loads fine.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

// The renderer checks a card's "lang" with a regular expression that has the global flag, so test() keeps its
// lastIndex between cards and every second card with a valid "lang" fails. Reset it before each card, keeping the rule.
const langRule = AC.CardElement.langProperty?.regEx;

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node render-check.mjs <folder of card JSON files>");
  process.exit(2);
}

let failed = 0;
for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
  const json = JSON.parse(readFileSync(join(folder, file), "utf8"));
  const problems = [];
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  if (langRule) {
    langRule.lastIndex = 0;
  }
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`);
  }
  const validation = card.validateProperties();
  for (const event of validation.validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`);
  }
  let rendered = false;
  try {
    const element = card.render();
    rendered = !!element && element.childNodes.length > 0;
  } catch (error) {
    problems.push(`render: ${error.message}`);
  }
  if (!rendered) problems.push("render: the card rendered nothing");
  if (problems.length > 0) failed++;
  // The renderer itself logs to the console; results carry a prefix so that readers can tell them apart.
  console.log("RESULT " + JSON.stringify({ file, ok: problems.length === 0, problems }));
}
process.exit(failed === 0 ? 0 : 1);
