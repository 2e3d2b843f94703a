// The web page of `newsgraph serve` in headless Chromium: highlights, details, a filter, the
// network, the timeline, the map, the paste box, and a crafted article that must stay inert.
// Usage: node check.mjs BASE_URL SCREENSHOT_DIR
import { chromium } from "playwright-core";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node check.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}

const failures = [];
let checks = 0;
function check(ok, what) {
  checks += 1;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => {
  // a failed resource is reported with its address by the response handler
  if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
    problems.push(`console: ${m.text()}`);
  }
});
page.on("response", (r) => {
  if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
});
page.on("dialog", async (d) => {
  problems.push(`dialog opened: ${d.message()}`);
  await d.dismiss();
});

async function tab(name) {
  await page.click(`nav [data-tab="${name}"]`);
  await page.waitForSelector(`section[data-panel="${name}"]`, { state: "visible" });
}

async function shot(name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

// the page loads and says what the corpus holds
await page.goto(base + "/");
await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
const stats = await page.textContent("#stats");
check(/\d+/.test(stats) && /article/i.test(stats), `the header counts the corpus: ${stats.trim().slice(0, 80)}`);

// an article: its text with mentions, quotes and triggers highlighted, and their records
await tab("articles");
const items = await page.$$("#article-list li.article-item");
check(items.length >= 10, `the article list has the corpus (${items.length} items)`);
await page.click('#article-list li.article-item[data-id="meridian-20250304-brazzaville-protests"]');
await page.waitForSelector("#article-view span.hl.trigger", { timeout: 10000 });
const counts = await page.evaluate(() => ({
  mention: document.querySelectorAll("#article-view span.hl.mention").length,
  quote: document.querySelectorAll("#article-view span.hl.quote").length,
  trigger: document.querySelectorAll("#article-view span.hl.trigger").length,
}));
check(counts.mention >= 5 && counts.quote >= 1 && counts.trigger >= 3, `highlights: ${JSON.stringify(counts)}`);
const viewText = await page.textContent("#article-view");
check(viewText.includes("tear gas"), "the article's words are shown");
await page.click("#article-view span.hl.trigger >> nth=0");
const detail = await page.textContent("#detail");
check(/\b\d{2,4}\b/.test(detail) && /[A-Z]{4,}/.test(detail), `clicking a trigger shows its codes: ${detail.trim().slice(0, 100)}`);
await page.click("#article-view span.hl.mention >> nth=0");
const mentionDetail = await page.textContent("#detail");
check(mentionDetail.trim().length > 0 && mentionDetail !== detail, "clicking a mention shows its actor");
await shot("article");

// events: a table that filters and sorts, each row leading to its evidence
await tab("events");
await page.waitForSelector("#events-table tr.event-row");
const allRows = await page.$$eval("#events-table tr.event-row", (r) => r.length);
await page.selectOption("#filter-root", "14");
await page.click("#filter-apply");
await page.waitForFunction(
  (n) => {
    const rows = document.querySelectorAll("#events-table tr.event-row");
    return rows.length > 0 && rows.length < n;
  },
  allRows,
  { timeout: 10000 },
);
const codes = await page.$$eval("#events-table tr.event-row", (rows) =>
  rows.map((r) => r.textContent),
);
const rootOk = await page.$$eval("#events-table tr.event-row", (rows) =>
  rows.every((r) => Array.from(r.cells).some((c) => /^14\d{0,2}$/.test(c.textContent.trim()))),
);
check(rootOk, `the root filter keeps only protests (${codes.length} of ${allRows} rows)`);
await page.click('#events-table th[data-sort="date"]');
await page.click('#events-table th[data-sort="date"]');
check((await page.$$("#events-table tr.event-row")).length === codes.length, "sorting keeps the rows");
await shot("events");
await page.click("#events-table tr.event-row >> nth=0");
await page.waitForSelector("#article-view span.hl.trigger", { state: "visible", timeout: 10000 });
check(true, "a row opens its article");

// the alignment network
await tab("network");
const nodes = await page.$$eval("#network g.node", (n) => n.length);
const edges = await page.$$eval("#network line.edge", (e) => e.length);
check(nodes >= 2 && edges >= 1, `the network has ${nodes} actors and ${edges} ties`);
await shot("network");

// the timeline and the map
await tab("timeline");
const bars = await page.$$eval("#timeline rect.bar", (b) => b.length);
check(bars >= 3, `the timeline has ${bars} bars`);
await shot("timeline");
await tab("map");
const countries = await page.$$eval("#map path.country", (p) => p.length);
const shaded = await page.$$eval("#map path.country.has-events", (p) => p.length);
const points = await page.$$eval("#map circle.event-point", (p) => p.length);
check(countries >= 150 && shaded >= 1 && points >= 1, `the map: ${countries} countries, ${shaded} with events, ${points} points`);
await shot("map");

// the paste box analyses an article at once
await tab("paste");
await page.fill(
  "#paste-text",
  "Rebels seize border town\n\nGOMA, June 2 - Rebels seized the border town of Bunagana on Sunday after two days of fighting with the army, local officials said. At least 8 soldiers were killed, the army said.\n",
);
await page.click("#paste-go");
await page.waitForFunction(
  () => document.querySelector("#article-view") && document.querySelector("#article-view").textContent.includes("Bunagana"),
  null,
  { timeout: 15000 },
);
const pasted = await page.$$eval("#article-view span.hl.trigger", (t) => t.length);
check(pasted >= 1, `the pasted article is analysed (${pasted} triggers)`);
await shot("paste");

// a crafted article stays inert wherever it shows: list, view, detail, paste
const xssText = await (await fetch(`${base}/v1/articles/xss-1`)).json();
await page.goto(base + "/");
await page.waitForSelector('body[data-ready="1"]');
await tab("articles");
await page.click('#article-list li.article-item[data-id="xss-1"]');
await page.waitForFunction(
  () => document.querySelector("#article-view").textContent.includes("onerror"),
  null,
  { timeout: 10000 },
);
for (const el of await page.$$("#article-view span.hl")) {
  await el.hover();
}
await tab("paste");
await page.fill("#paste-text", xssText.text);
await page.click("#paste-go");
await page.waitForFunction(
  () => document.querySelector("#article-view").textContent.includes("<svg onload"),
  null,
  { timeout: 15000 },
);
await tab("articles");
const inert = await page.evaluate(() => ({
  ran: window.__xss,
  tags: document.querySelectorAll(
    "#article-list img, #article-list script, #article-view img, #article-view script, #article-view iframe, #article-view svg, #article-view b, #detail img, #detail script",
  ).length,
  literal: document.querySelector("#article-view").textContent.includes("<script>window.__xss=4</script>"),
}));
check(inert.ran === undefined, `no injected script ran (window.__xss = ${inert.ran})`);
check(inert.tags === 0, `no injected element exists (${inert.tags})`);
check(inert.literal, "the crafted markup shows as text");
await shot("crafted");

check(problems.length === 0, `no page errors: ${problems.join(" | ")}`);
await browser.close();
console.log(`${checks - failures.length} of ${checks} browser checks passed; screenshots in ${shots}/`);
process.exit(failures.length ? 1 : 0);
