import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "@/lib/csv/decode";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with a byte order mark, and drops the mark", () => {
    const decoded = decodeCsvBytes(fixture("utf8-bom.csv"));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.hadBom).toBe(true);
    expect(decoded.text.startsWith("Order Number,")).toBe(true);
    expect(decoded.text).toContain("Zoë Brontë,12 Rue de l’Église,Besançon");
    expect(decoded.text).toContain("Jürgen Müller,Straße 5,Köln");
  });

  it("reads UTF-8 without a mark", () => {
    const decoded = decodeCsvBytes(fixture("semicolon-european.csv"));
    expect(decoded).toMatchObject({ encoding: "utf-8", hadBom: false });
    expect(decoded.text).toContain("Élodie Martin");
  });

  it("falls back to Windows-1252 for a file that is not valid UTF-8, and says so", () => {
    const decoded = decodeCsvBytes(fixture("windows-1252.csv"));
    expect(decoded).toMatchObject({ encoding: "windows-1252", hadBom: false });
    expect(decoded.text).toContain("W-1,José Núñez,Besançon,Café – crème,€5");
  });

  it("decodes single Windows-1252 bytes that UTF-8 rejects: é, €, en dash, curly quotes", () => {
    // "Noël €5 – “ok”" as Excel on Windows saves it.
    const bytes = new Uint8Array([0x4e, 0x6f, 0xeb, 0x6c, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Noël €5 – “ok”", encoding: "windows-1252", hadBom: false });
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toMatchObject({ text: "Café", encoding: "windows-1252" });
  });

  it("maps every byte from 0x80 to 0x9F as Windows-1252 does, not as Latin-1 control characters", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // The five bytes Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D) stay as their C1 code points, as in browsers.
    expect(decodeCsvBytes(bytes).text).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
  });

  it("keeps valid UTF-8 as UTF-8 even when the same bytes would also be Windows-1252", () => {
    // C3 A9 is "é" in UTF-8 and "Ã©" in Windows-1252: the strict UTF-8 reading wins.
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xc3, 0xa9]))).toEqual({ text: "Café", encoding: "utf-8", hadBom: false });
  });

  it("treats a byte order mark followed by invalid UTF-8 as Windows-1252, still without the mark", () => {
    const decoded = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe9]));
    expect(decoded).toEqual({ text: "Aé", encoding: "windows-1252", hadBom: true });
  });

  it("rejects truncated UTF-8 sequences rather than inventing replacement characters", () => {
    const decoded = decodeCsvBytes(new Uint8Array([0x41, 0xc3]));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).not.toContain("\uFFFD");
  });

  it("handles empty and plain ASCII input", () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", hadBom: false });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: "", encoding: "utf-8", hadBom: true });
    expect(decodeCsvBytes(new TextEncoder().encode("a,b\r\n1,2\r\n"))).toEqual({ text: "a,b\r\n1,2\r\n", encoding: "utf-8", hadBom: false });
  });
});
