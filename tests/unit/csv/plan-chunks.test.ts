import { describe, expect, it } from "vitest";
import { MAX_ENTRIES_PER_CHUNK, MAX_ORDERS_READ_PER_CHUNK, type CsvFingerprint } from "@/lib/csv/import-protocol";
import { buildCsvChunk, findUnchangedOrders, planCsvChunks, splitFingerprintSample } from "@/lib/csv/plan-chunks";
import type { FieldKey } from "@/lib/csv/fields";
import { fingerprintCsvGroups, groupCsvRows, rowsToOrders } from "@/lib/csv/rows-to-orders";

const MAPPING: Record<number, FieldKey> = { 0: "orderNumber", 1: "orderDate", 2: "customerNotes", 3: "item.name" };
const OPTIONS = { timeZone: "UTC", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" } as const;
const rowsFor = (count: number, note = "") => Array.from({ length: count }, (_, index) => [`N-${index}`, "11/05/2026", note, "Mug"]);

/** The groups as the import page has them once it asked about every order. */
function fingerprintedGroups(rows: string[][]) {
  const { groups } = groupCsvRows(rows, MAPPING, OPTIONS);
  fingerprintCsvGroups(rows, MAPPING, OPTIONS, groups);
  return groups;
}

describe("planCsvChunks", () => {
  it("puts whole orders in file order, at most 1,000 to read in a chunk", () => {
    const rows = [...rowsFor(2201), ["N-0", "", "", "Second mug"]];
    const { groups } = groupCsvRows(rows, MAPPING, OPTIONS);
    const chunks = planCsvChunks(rows, groups, new Set());
    expect(chunks.map((chunk) => chunk.length)).toEqual([MAX_ORDERS_READ_PER_CHUNK, MAX_ORDERS_READ_PER_CHUNK, 201]);
    expect(chunks.flat()).toEqual(groups);
    expect(chunks[0][0].rows).toEqual([0, 2201]);
  });

  it("fits up to 5,000 orders sent by fingerprint in a chunk, and no more than 1,000 to read", () => {
    const rows = rowsFor(7000);
    const groups = fingerprintedGroups(rows);
    const unchanged = new Set(groups.slice(0, 5600).map((group) => group.number!));
    const chunks = planCsvChunks(rows, groups, unchanged);
    expect(chunks.map((chunk) => chunk.length)).toEqual([MAX_ENTRIES_PER_CHUNK, 1600, 400]);
    expect(chunks[1].filter((group) => !unchanged.has(group.number!))).toHaveLength(MAX_ORDERS_READ_PER_CHUNK);
  });

  it("starts a new chunk before its rows would make a request too large", () => {
    const rows = rowsFor(4, "x".repeat(600_000));
    const { groups } = groupCsvRows(rows, MAPPING, OPTIONS);
    expect(planCsvChunks(rows, groups, new Set()).map((chunk) => chunk.length)).toEqual([2, 2]);
  });
});

describe("buildCsvChunk", () => {
  it("sends unchanged orders by number and fingerprint, and reads the others", () => {
    const rows = rowsFor(3);
    const groups = fingerprintedGroups(rows);
    const { entries, orders, errors } = buildCsvChunk(rows, MAPPING, OPTIONS, groups, new Set(["N-1"]));
    expect(errors).toEqual([]);
    expect(orders.map((order) => order.order.orderNumber)).toEqual(["N-0", "N-2"]);
    expect(entries[0]).toEqual({ orderNumber: "N-1", digest: groups[1].digest, rowNumbers: [3] });
    expect(entries.slice(1)).toEqual(orders);
  });

  it("fingerprints the orders it reads that were never fingerprinted, as rowsToOrders would", () => {
    const rows = rowsFor(3);
    const { groups } = groupCsvRows(rows, MAPPING, OPTIONS);
    const { orders } = buildCsvChunk(rows, MAPPING, OPTIONS, groups, new Set());
    expect(orders.map((order) => order.digest)).toEqual(rowsToOrders(rows, MAPPING, OPTIONS).orders.map((order) => order.digest));
    expect(orders.every((order) => order.digest?.startsWith("c1"))).toBe(true);
  });
});

describe("splitFingerprintSample", () => {
  const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

  it("samples all of a list of at most 5,000", () => {
    expect(splitFingerprintSample(numbers(MAX_ENTRIES_PER_CHUNK))).toEqual({ sample: numbers(MAX_ENTRIES_PER_CHUNK), rest: [] });
  });

  it("samples every nth item of a larger list, 1,000 at most, and leaves the others in order", () => {
    const { sample, rest } = splitFingerprintSample(numbers(20_001));
    expect(sample).toHaveLength(953);
    expect(sample.slice(0, 3)).toEqual([0, 21, 42]);
    expect(rest.slice(0, 3)).toEqual([1, 2, 3]);
    expect([...sample, ...rest].sort((a, b) => a - b)).toEqual(numbers(20_001));
  });
});

describe("findUnchangedOrders", () => {
  const fingerprints = (count: number): CsvFingerprint[] => Array.from({ length: count }, (_, index) => ({ orderNumber: `N-${index}`, digest: "c1", rowNumbers: [index + 2] }));
  /** The rest as the import page gives it, fingerprinted only when asked for; `calls` counts the asking. */
  function lazyRest(rest: CsvFingerprint[]) {
    const lazy = {
      calls: 0,
      rest: async () => {
        lazy.calls++;
        return rest;
      },
    };
    return lazy;
  }

  it("asks about a small file in one request", async () => {
    const asked: number[] = [];
    const { sample, rest } = splitFingerprintSample(fingerprints(3));
    expect(rest).toEqual([]);
    const found = await findUnchangedOrders(sample, () => rest, async (slice) => (asked.push(slice.length), ["N-1"]));
    expect(found).toEqual(["N-1"]);
    expect(asked).toEqual([3]);
  });

  it("takes a large file as new when none of a sample spread over it is unchanged, without asking for the rest", async () => {
    const asked: string[][] = [];
    const { sample, rest } = splitFingerprintSample(fingerprints(20_000));
    const lazy = lazyRest(rest);
    const found = await findUnchangedOrders(sample, lazy.rest, async (slice) => (asked.push(slice.map((entry) => entry.orderNumber)), []));
    expect(found).toEqual([]);
    expect(lazy.calls).toBe(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(1000);
    expect(asked[0].slice(0, 2)).toEqual(["N-0", "N-20"]);
    expect(asked[0].at(-1)).toBe("N-19980");
  });

  it("asks for the rest and about every order, in requests of at most 5,000, once the sample finds one unchanged", async () => {
    const unchanged = new Set(["N-0", "N-7", "N-19999"]);
    const sizes: number[] = [];
    const { sample, rest } = splitFingerprintSample(fingerprints(20_000));
    const lazy = lazyRest(rest);
    const found = await findUnchangedOrders(sample, lazy.rest, async (slice) => {
      sizes.push(slice.length);
      return slice.filter((entry) => unchanged.has(entry.orderNumber)).map((entry) => entry.orderNumber);
    });
    expect(found.sort()).toEqual([...unchanged].sort());
    expect(lazy.calls).toBe(1);
    expect(sizes).toEqual([1000, MAX_ENTRIES_PER_CHUNK, MAX_ENTRIES_PER_CHUNK, MAX_ENTRIES_PER_CHUNK, 4000]);
  });
});
