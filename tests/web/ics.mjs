// Reads an iCalendar file with ical.js (a second, independent parser
// beside python3-icalendar) and prints what a client sees, as JSON:
// { "calname": …, "events": [{ "uid", "summary", "categories": [...],
// "url", "dtstart" }] }. tests/cli_trust.py runs it.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const cal = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = cal.getAllSubcomponents("vevent").map((v) => ({
	uid: v.getFirstPropertyValue("uid"),
	summary: v.getFirstPropertyValue("summary"),
	categories: v.getAllProperties("categories").flatMap((p) => p.getValues()),
	url: v.getFirstPropertyValue("url"),
	dtstart: String(v.getFirstPropertyValue("dtstart")),
}));
console.log(JSON.stringify({ calname: cal.getFirstPropertyValue("x-wr-calname"), events }));
