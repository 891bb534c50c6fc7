import type { NormalizedOrder } from "@/lib/orders/schema";
import type { OrderStatus } from "@/db/schema";

/** Small, fast, seeded PRNG (mulberry32) so demo data and benchmarks are the same every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Chloé", "Léa", "Hugo", "Camille", "Louis", "Priya", "Wei", "Yuki", "Fatima", "Diego", "Aisha", "Kofi", "Ingrid", "Sven", "Marta"];
const LAST_NAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Martin", "Dubois", "Lefèvre", "Moreau", "Nguyen", "Kim", "Patel", "Okafor", "Larsen", "Novak", "Rossi", "Schmidt", "Cohen"];
const STREETS = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lake Rd", "Hill St", "Park Ave", "2nd St", "Sunset Blvd"];
const PLACES: [string, string, string][] = [
  ["Austin", "TX", "787"], ["Portland", "OR", "972"], ["Denver", "CO", "802"], ["Brooklyn", "NY", "112"], ["Chicago", "IL", "606"],
  ["Seattle", "WA", "981"], ["Boston", "MA", "021"], ["Atlanta", "GA", "303"], ["Phoenix", "AZ", "850"], ["Miami", "FL", "331"],
  ["Nashville", "TN", "372"], ["Minneapolis", "MN", "554"], ["San Diego", "CA", "921"], ["Columbus", "OH", "432"], ["Raleigh", "NC", "276"],
];
const PRODUCTS: [string, string, number, number][] = [
  ["MUG-BLU", "Blue enamel camp mug", 1800, 12], ["MUG-RED", "Red enamel camp mug", 1800, 12], ["TEE-BLK-M", "Organic cotton tee, black, M", 2900, 6],
  ["TEE-WHT-L", "Organic cotton tee, white, L", 2900, 6], ["HOOD-GRY-L", "Heavyweight hoodie, grey, L", 6400, 24], ["CAP-NVY", "Waxed canvas cap, navy", 3200, 5],
  ["BAG-TOTE", "Waxed canvas tote bag", 5400, 18], ["BTL-750", "Insulated bottle 750 ml", 3500, 14], ["SOCK-WOOL", "Merino hiking socks", 2200, 3],
  ["CANDLE-CED", "Cedar & sage soy candle", 2600, 16], ["SOAP-LAV", "Lavender goat-milk soap", 900, 5], ["TEA-EARL", "Earl Grey loose-leaf tea 100 g", 1200, 4],
  ["COF-ETH", "Ethiopia Yirgacheffe coffee beans 340 g", 1900, 13], ["NOTE-A5", "Dot-grid notebook A5", 1600, 9], ["PEN-BRASS", "Solid brass pen", 4800, 2],
  ["BLANKET-WL", "Wool throw blanket", 12900, 56], ["PLANT-POT", "Terracotta planter 15 cm", 2100, 30], ["PUZZLE-1K", "1000-piece puzzle, coastline", 2400, 20],
];
const SERVICES = ["Standard Shipping", "Expedited", "Free Shipping", "USPS Priority Mail", "UPS Ground", "Next Day Air"];

/** A realistic status mix: most orders shipped, a working set awaiting shipment, a few of the rest. */
const STATUS_WEIGHTS: [OrderStatus, number][] = [
  ["shipped", 0.6], ["awaiting_shipment", 0.2], ["awaiting_payment", 0.05], ["pending_fulfillment", 0.04], ["on_hold", 0.03], ["cancelled", 0.08],
];

export interface GenerateOptions {
  seed?: number;
  /** Orders are spread evenly backwards from here over `spanDays`. */
  endAt?: number;
  spanDays?: number;
  numberPrefix?: string;
  firstNumber?: number;
}

/** `count` realistic orders (≈2.5 items each) as every source hands them to the write path. */
export function* generateOrders(count: number, options: GenerateOptions = {}): Generator<NormalizedOrder> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const endAt = options.endAt ?? Date.UTC(2026, 10, 25);
  const spanMs = (options.spanDays ?? 365) * 86_400_000;
  const firstNumber = options.firstNumber ?? 100_001;
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [city, state, zipPrefix] = pick(PLACES);
    const name = `${first} ${last}`;
    const email = `${first}.${last}${Math.floor(random() * 1000)}@example.com`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const orderDate = Math.floor(endAt - spanMs + (spanMs * (i + random())) / count);
    const itemCount = 1 + Math.floor(random() * 4 * random()) + (random() < 0.5 ? 1 : 0);
    const items = Array.from({ length: itemCount }, (_, position) => {
      const [sku, productName, price, weightOz] = pick(PRODUCTS);
      return { lineItemKey: `${i}-${position}`, sku, name: productName, quantity: 1 + Math.floor(random() * random() * 3), unitPrice: price, weightOz };
    });
    const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
    const shippingAmount = subtotal > 7500 ? 0 : 695;
    const taxAmount = Math.round(subtotal * 0.0825);
    let threshold = random();
    let status: OrderStatus = "awaiting_shipment";
    for (const [candidate, weight] of STATUS_WEIGHTS) {
      if ((threshold -= weight) <= 0) {
        status = candidate;
        break;
      }
    }
    const street1 = `${1 + Math.floor(random() * 9899)} ${pick(STREETS)}`;
    const address = { name, street1, city, state, postalCode: `${zipPrefix}${String(Math.floor(random() * 100)).padStart(2, "0")}`, country: "US", phone: `555-01${String(Math.floor(random() * 100)).padStart(2, "0")}`, residential: true };
    yield {
      orderKey: `${options.numberPrefix ?? ""}${firstNumber + i}`,
      orderNumber: `${options.numberPrefix ?? ""}${firstNumber + i}`,
      status,
      orderDate,
      paymentDate: status === "awaiting_payment" ? null : orderDate + 60_000,
      shipDate: status === "shipped" ? orderDate + 86_400_000 * (1 + Math.floor(random() * 3)) : null,
      customerUsername: email,
      customerEmail: email,
      billTo: { name },
      shipTo: address,
      items,
      amountPaid: status === "awaiting_payment" ? 0 : subtotal + taxAmount + shippingAmount,
      taxAmount,
      shippingAmount,
      weightOz: items.reduce((sum, item) => sum + item.quantity * item.weightOz, 0),
      requestedShippingService: pick(SERVICES),
      customerNotes: random() < 0.1 ? "Please leave at the side door." : null,
      gift: random() < 0.05,
    };
  }
}
