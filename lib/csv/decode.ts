export type CsvEncoding = "utf-8" | "windows-1252";

interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a UTF-8 byte order mark (stripped from `text`). */
  hadBom: boolean;
}

/**
 * A CSV file's bytes to text. UTF-8 is tried strictly first: a file that is not valid UTF-8 is almost
 * always Excel's "CSV (Comma delimited)" on Windows, which writes Windows-1252, so that is the fallback,
 * and `encoding` says which was used so the import can tell the merchant. Runs in a browser worker and
 * in Node: only the global TextDecoder.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM keeps a second BOM as text rather than silently eating it; the first one is already gone.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: "utf-8", hadBom };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252", hadBom };
  }
}

/** What Windows-1252 puts at 0x80–0x9F (€, ‚, ƒ, „, …, curly quotes, dashes, ™…), per the WHATWG Encoding Standard. */
const C1_AS_WINDOWS_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  // Node 20.18.3+ and 22.13+ decode "windows-1252" as Latin-1, turning 0x80–0x9F into invisible
  // control characters (nodejs/node#56542, #60888); browsers get it right. Mapping whatever comes out
  // in U+0080–U+009F through the table gives the right text in both (in a correct decoder only the
  // five undefined bytes land there, and the table maps those to themselves).
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]);
}
