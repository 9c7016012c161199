// Runs chrono-node's French parser over a text file and prints
// "<bytes> <seconds> <dates found>" on stdout.
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';

const text = readFileSync(process.argv[2], 'utf8');
const ref = new Date(Date.UTC(2024, 10, 27));
const paras = text.split('\n');
const t0 = process.hrtime.bigint();
let found = 0;
for (const p of paras) found += chrono.fr.parse(p, ref).length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${Buffer.byteLength(text, 'utf8')} ${secs} ${found}`);
