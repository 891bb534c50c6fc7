import { describe, expect, it } from "vitest";
import { insertRowsStatements } from "@/db/bulk-sql";

describe("insertRowsStatements", () => {
  it("writes every row once, in order, in power-of-two chunks under the parameter cap", () => {
    const columns = Array.from({ length: 64 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 1234 }, (_, r) => columns.map((_, c) => r * 100 + c));
    const statements = insertRowsStatements("t", columns, rows);
    const sizes = statements.map((statement) => (statement as { args: unknown[] }).args.length / columns.length);
    expect(sizes).toEqual([256, 256, 256, 256, 128, 64, 16, 2]);
    const values = statements.flatMap((statement) => (statement as { args: unknown[] }).args);
    expect(values).toEqual(rows.flat());
    expect(values.length / statements.length).toBeLessThanOrEqual(32_000);
  });

  it("reuses the same SQL text for chunks of the same size", () => {
    const rows = Array.from({ length: 10 }, (_, r) => [r, `name ${r}`]);
    const [eight, two] = insertRowsStatements("items", ["id", "name"], rows, "ON CONFLICT DO NOTHING") as { sql: string }[];
    expect(eight.sql).toBe(`INSERT INTO items (id,name) VALUES ${Array(8).fill("(?,?)").join(",")} ON CONFLICT DO NOTHING`);
    expect(two.sql.match(/\(\?,\?\)/g)).toHaveLength(2);
    expect(insertRowsStatements("items", ["id", "name"], rows.slice(0, 8), "ON CONFLICT DO NOTHING")[0]).toMatchObject({ sql: eight.sql });
  });

  it("writes a column that has never held a value as a literal NULL, and binds it from the first value on", () => {
    const columns = ["id", "note", "gift"];
    const [first] = insertRowsStatements("unused_columns", columns, [[1, null, 0], [2, undefined as unknown as null, 1]]) as { sql: string; args: unknown[] }[];
    expect(first.sql).toBe("INSERT INTO unused_columns (id,note,gift) VALUES (?,NULL,?),(?,NULL,?)");
    expect(first.args).toEqual([1, 0, 2, 1]);

    const [second] = insertRowsStatements("unused_columns", columns, [[3, "fragile", 0], [4, null, 0]]) as { sql: string; args: unknown[] }[];
    expect(second.sql).toBe("INSERT INTO unused_columns (id,note,gift) VALUES (?,?,?),(?,?,?)");
    expect(second.args).toEqual([3, "fragile", 0, 4, null, 0]);

    // Once bound, a column stays bound: an all-empty batch later reuses the statement above.
    const [third] = insertRowsStatements("unused_columns", columns, [[5, null, 0], [6, null, 0]]) as { sql: string; args: unknown[] }[];
    expect(third.sql).toBe(second.sql);
    expect(third.args).toEqual([5, null, 0, 6, null, 0]);
  });

  it("fits more rows in a statement when columns go unbound", () => {
    const columns = Array.from({ length: 64 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 1024 }, (_, r) => columns.map((_, c) => (c < 16 ? r * 100 + c : null)));
    const statements = insertRowsStatements("mostly_empty", columns, rows) as { args: unknown[] }[];
    expect(statements.map((statement) => statement.args.length / 16)).toEqual([1024]);
  });

  it("writes nothing for no rows", () => {
    expect(insertRowsStatements("t", ["a"], [])).toEqual([]);
  });
});
