// page.mjs — frise's web page in a real browser: Debian's chromium, driven
// by playwright-core. Run by tests/cli_web.py, which renders the pages and
// passes them in the environment:
//   CHROMIUM    the browser executable
//   PAGE_URL    index.html to test (file:// or http://)
//   DATA_JSON   path of the timeline.json the page holds (the expected events)
//   FETCH_URL   optional: the bare template served beside timeline.json
//   MODE        "fixture" (hostile fixture: all checks) or "seeds" (real articles)
//   SHOT_DIR    optional: where to write screenshots
// Prints TAP, one line per check; exits 1 when one fails.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const env = process.env;
const data = JSON.parse(readFileSync(env.DATA_JSON, 'utf8'));
const lang = data.lang;
let n = 0, failed = 0;
function check(ok, what, detail) {
	n++;
	if (!ok) failed++;
	console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${what}${!ok && detail !== undefined ? ' # got ' + JSON.stringify(detail) : ''}`);
}

const browser = await chromium.launch({
	executablePath: env.CHROMIUM,
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync',
		'--allow-file-access-from-files'],
});

// A page that records every console error, uncaught exception and dialog.
async function open(url, options = {}) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const problems = [];
	page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
	page.on('pageerror', e => problems.push(`page error: ${e.message}`));
	page.on('dialog', d => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
	page.on('request', r => { if (!r.url().startsWith('file:') && !r.url().startsWith(new URL(url).origin)) problems.push(`request: ${r.url()}`); });
	await page.goto(url);
	await page.waitForSelector('li.event', { timeout: 10000 });
	return { context, page, problems };
}

const visible = page => page.$$eval('li.event', lis => lis.filter(li => !li.hidden && li.offsetParent !== null).map(li => li.dataset.id));
const ids = data.events.map(e => e.id);

try {
	const { context, page, problems } = await open(env.PAGE_URL, { viewport: { width: 1100, height: 900 } });

	// Every event, in the file's order.
	const shown = await page.$$eval('li.event', lis => lis.map(li => li.dataset.id));
	check(JSON.stringify(shown) === JSON.stringify(ids), `all ${ids.length} events appear in order`, shown);
	check((await page.textContent('#count')).trim().startsWith(String(ids.length)), 'the count says how many', await page.textContent('#count'));
	check(await page.title() === data.title, 'the title is the timeline\'s, as text', await page.title());

	// Grouped by year, then by month (or by the coarser period itself).
	const years = await page.$$eval('section.year > h2', hs => hs.map(h => h.textContent));
	const expectYears = [...new Set(data.events.map(e => e.date.start ? String(+e.date.start.slice(0, 4)) : null))];
	check(years.length === expectYears.length && expectYears.filter(Boolean).every(y => years.includes(y)),
		'one heading per year', years);

	// The date as precise as it is known, for every event.
	const dates = await page.$$eval('li.event', lis => lis.map(li => li.querySelector('.date').textContent));
	check(dates.every((d, i) => d === data.events[i].date.display[lang]), 'each event shows its date at its precision', dates);

	// Each source: a link only for http(s) URLs, and its quote.
	const wantLinks = data.events.flatMap(e => e.sources).filter(s => /^https?:\/\//.test(s.url || '')).length;
	const links = await page.$$eval('ul.sources a', as => as.map(a => a.href));
	check(links.length === wantLinks && links.every(h => /^https?:/.test(h)), `${wantLinks} source links, none but http(s)`, links);
	const quotes = await page.$$eval('blockquote.quote', qs => qs.length);
	const wantQuotes = data.events.flatMap(e => e.sources.filter(s => s.quote && s.quote.trim() !== e.text.trim())).length;
	check(quotes === wantQuotes, 'every quote is shown, unless it is the event\'s text word for word', quotes);

	// Filter by type: switch one type off, then on again.
	const typeCount = {};
	for (const e of data.events) typeCount[e.type] = (typeCount[e.type] || 0) + 1;
	const someType = data.events[0].type;
	await page.click(`.chip[data-type="${someType}"]`);
	let vis = await visible(page);
	check(vis.length === ids.length - typeCount[someType] &&
		vis.every(id => data.events.find(e => e.id === id).type !== someType),
		`turning "${someType}" off hides its ${typeCount[someType]} events`, vis.length);
	await page.click(`.chip[data-type="${someType}"]`);
	check((await visible(page)).length === ids.length, 'turning it on shows them again');

	// Text search, accent- and case-insensitive.
	const target = data.events[data.events.length > 2 ? 2 : 0];
	const word = target.title.split(/\s+/).filter(w => /^\p{L}{5,}$/u.test(w))[0] || target.title;
	const bare = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
	await page.fill('#search', bare);
	vis = await visible(page);
	const fold = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
	const label = id => ((data.types.find(t => t.id === id) || {}).label || {})[lang] || id;
	const expectSearch = data.events.filter(e => [e.title, e.text, label(e.type), e.date.display[lang],
		...e.sources.flatMap(s => [s.title, s.quote])].some(s => fold(s).includes(fold(word)))).map(e => e.id);
	check(vis.includes(target.id) && JSON.stringify(vis) === JSON.stringify(expectSearch),
		`searching "${bare}" finds exactly the ${expectSearch.length} events that contain it`, vis);
	await page.fill('#search', 'zzzqqqxxx');
	check((await visible(page)).length === 0 && await page.isVisible('p.empty'), 'a search with no match says so');
	await page.fill('#search', '');
	check((await visible(page)).length === ids.length, 'clearing the search shows everything');

	if (env.MODE === 'fixture') {
		// Hostile text is shown as text: no element, no script, no dialog.
		const body = await page.textContent('main');
		check(body.includes('<script>alert(1)</script>') && body.includes('<img src=x onerror=alert(1)>'),
			'article text with <script> and <img onerror> shows as characters');
		const injected = await page.$$eval('main img, main script, main b, main i, main iframe, #legend b, #legend i, h1 *', es => es.length);
		check(injected === 0, 'no element comes from article text', injected);
		check(await page.$$eval('script', s => s.length) === 3, 'the page has only its own three scripts (words, data, code)');
		check(body.includes(']]>') && body.includes('"}'), ']]> and "} come through');
		const unknown = data.events.filter(e => !e.date.start).length;
		check(unknown === 0 || years.some(y => /inconnue|unknown/i.test(y)), 'events without a year are grouped apart', years);
		// Planned and unconfirmed events and conflicts are marked.
		const badges = await page.$$eval('.badge.status', bs => bs.length);
		check(badges === data.events.filter(e => e.status !== 'happened').length, 'planned and unconfirmed events carry a badge', badges);
		check(await page.$$eval('.badge.conflict', bs => bs.length) === data.events.filter(e => e.conflict).length,
			'date conflicts are marked');
	}

	// Light and dark follow the system.
	const bg = async () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await bg();
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await bg();
	const lum = c => { const [r, g, b] = c.match(/\d+/g).map(Number); return (r + g + b) / 3; };
	check(lum(light) > 200 && lum(dark) < 60, 'light and dark follow prefers-color-scheme', [light, dark]);
	if (env.SHOT_DIR) {
		await page.screenshot({ path: `${env.SHOT_DIR}/dark.png` });
		await page.emulateMedia({ colorScheme: 'light' });
		await page.screenshot({ path: `${env.SHOT_DIR}/desktop.png`, fullPage: true });
	}
	check(problems.length === 0, 'no console error, exception, dialog or outside request', problems);
	await context.close();

	// A phone: nothing wider than the screen.
	const phone = await open(env.PAGE_URL, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
	const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
	check(width <= 360, 'on a 360 px phone the page does not scroll sideways', width);
	if (env.SHOT_DIR)
		await phone.page.screenshot({ path: `${env.SHOT_DIR}/phone.png` });
	check(phone.problems.length === 0, 'no problem on the phone either', phone.problems);
	await phone.context.close();

	// The bare template beside timeline.json fetches it.
	if (env.FETCH_URL) {
		const f = await open(env.FETCH_URL);
		const fetched = await f.page.$$eval('li.event', lis => lis.map(li => li.dataset.id));
		check(JSON.stringify(fetched) === JSON.stringify(ids), 'the bare template fetches timeline.json beside it', fetched.length);
		check(f.problems.length === 0, 'no problem when fetching', f.problems);
		await f.context.close();
	}
} catch (e) {
	check(false, 'the page could be driven', String(e && e.stack || e));
} finally {
	await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
