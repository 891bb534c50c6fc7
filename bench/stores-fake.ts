/**
 * The benchmark's Shopify, in its own process as a real one would be: its JSON is written on
 * the other core. Reads commands on stdin ("change N") and answers on stdout.
 */
import { createInterface } from "node:readline";
import { startShopifyFake } from "../tests/fakes/shopify/server";

const orders = Number(process.argv[2]);
const token = process.argv[3];
// Shop clock 20 days back so a first import (30 days) reaches every order; the call bucket is
// made large because the benchmark measures Shipdeck, not Shopify's 2 calls a second.
const shop = await startShopifyFake({ accessToken: token, startAt: Date.now() - 20 * 86_400_000, bucketSize: 1_000_000_000 });
for (let i = 0; i < orders; i++) shop.add({});
console.log(`ready ${shop.url}`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, value] = line.trim().split(" ");
  if (command === "change") {
    const all = shop.orders.all();
    const count = Number(value);
    for (let i = 0; i < count; i++) shop.update(all[Math.floor((i * all.length) / count)].id, { note: `Changed for the benchmark (${i})` });
    console.log("changed");
  } else if (command === "quit") {
    await shop.close();
    process.exit(0);
  }
}
