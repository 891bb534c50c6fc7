import { describe, expect, it } from "vitest";
import { basicAuthorization, buildExportUrl } from "@/lib/connectors/custom-store/client";
import { formatCustomStoreDate, parseCustomStoreDate } from "@/lib/connectors/custom-store/dates";
import { childText, parseExportXml } from "@/lib/connectors/custom-store/xml";
import { ConnectorError } from "@/lib/connectors/types";
import { customStoreFixture } from "@/tests/fakes/custom-store/server";

describe("parseExportXml", () => {
  it("reads pages and orders, CDATA and entities included", () => {
    const document = parseExportXml(customStoreFixture("export-page.xml"));
    expect(document.pages).toBe(1);
    expect(document.orders.map((order) => childText(order, "OrderNumber"))).toEqual(["WEB-100482", "WEB-100483"]);
  });

  it("gives one order, one item and one option as lists", () => {
    const [order] = parseExportXml(customStoreFixture("order-minimal.xml")).orders;
    expect(Array.isArray(order.Items && (order.Items as Record<string, unknown>).Item)).toBe(true);
  });

  it("reads an empty <Orders/> (no pages attribute) as one page without orders", () => {
    expect(parseExportXml(customStoreFixture("empty-orders.xml"))).toEqual({ pages: 1, orders: [] });
    expect(parseExportXml(`<Orders pages="0"></Orders>`)).toEqual({ pages: 0, orders: [] });
  });

  it("accepts a byte-order mark and blank lines around the document", () => {
    expect(parseExportXml(`\uFEFF\n\n<Orders pages="3"><Order><OrderID>1</OrderID></Order></Orders>\n`).pages).toBe(3);
  });

  it.each([
    ["truncated.xml", /^The store's XML could not be read: Expected closing tag 'UnitPrice' .* at line 21\.$/],
    ["login-page.html", /answered with a web page \(HTML\) instead of order XML/],
    // Said, not quoted: the store's own text is never shown back (it could be anything the address answers).
    ["php-warning.xml", /^The store's XML could not be read: the store printed something before it \(often a PHP warning or notice\)\. Open the store's address in a browser to see it\.$/],
  ])("turns %s into a ConnectorError that says what is wrong", (fixture, message) => {
    const read = () => parseExportXml(customStoreFixture(fixture));
    expect(read).toThrow(ConnectorError);
    expect(read).toThrow(message);
  });

  it("counts lines as the store sent them", () => {
    expect(() => parseExportXml(`\n\n<Orders>\n<Order>\n</Orders>`)).toThrow(/at line 5\./);
  });

  it.each([
    ["", /an empty page/],
    ["{\"orders\": []}", /XML could not be read/],
    ["<Shipments><Shipment/></Shipments>", /starts with <Shipments>; expected an <Orders> root element/],
    ["<Orders/><Orders/>", /2 root elements/],
    ["<Orders pages=\"two\"/>", /pages="two"; expected a whole number/],
    ["<html><body>Maintenance</body></html>", /web page \(HTML\)/],
  ])("rejects %j", (body, message) => {
    expect(() => parseExportXml(body)).toThrow(message);
  });
});

describe("Custom Store dates", () => {
  it("formats request dates as MM/dd/yyyy HH:mm in UTC", () => {
    expect(formatCustomStoreDate(Date.UTC(2012, 2, 3, 9, 5, 59))).toBe("03/03/2012 09:05");
    expect(formatCustomStoreDate(Date.UTC(2025, 11, 31, 23, 59))).toBe("12/31/2025 23:59");
  });

  it.each([
    ["03/23/2012 21:09", Date.UTC(2012, 2, 23, 21, 9)],
    ["3/23/2012 9:09 PM", Date.UTC(2012, 2, 23, 21, 9)],
    ["3/23/2012 9:09 pm", Date.UTC(2012, 2, 23, 21, 9)],
    ["12/8/2011 21:56 PM", Date.UTC(2011, 11, 8, 21, 56)],
    ["12/8/2011 12:56 PM", Date.UTC(2011, 11, 8, 12, 56)],
    ["12/8/2011 12:05 AM", Date.UTC(2011, 11, 8, 0, 5)],
    ["12/8/2011 12:05:33 A.M.", Date.UTC(2011, 11, 8, 0, 5, 33)],
    ["12/8/2011", Date.UTC(2011, 11, 8)],
    ["2025-01-02 03:04", Date.UTC(2025, 0, 2, 3, 4)],
    ["2025-01-02T03:04:05+02:00", Date.UTC(2025, 0, 2, 1, 4, 5)],
  ])("reads %s", (text, epoch) => {
    expect(parseCustomStoreDate(text)).toBe(epoch);
  });

  it.each(["", "13/01/2025 10:00", "02/30/2025 10:00", "1/1/2025 25:00", "1/1/2025 0:30 PM", "tomorrow", "1/1/2025 10:00 XM"])("refuses %j", (text) => {
    expect(parseCustomStoreDate(text)).toBeNull();
  });
});

describe("export request", () => {
  it("asks for action=export with URL-encoded UTC dates and the page, keeping the endpoint's own query", () => {
    const url = buildExportUrl("https://shop.example/index.php?route=shipstation", { start: Date.UTC(2025, 0, 5, 8, 0), end: Date.UTC(2025, 0, 5, 9, 30), page: 2 });
    expect(url).toBe("https://shop.example/index.php?route=shipstation&action=export&start_date=01%2F05%2F2025%2008%3A00&end_date=01%2F05%2F2025%2009%3A30&page=2");
    expect(new URL(url).searchParams.get("start_date")).toBe("01/05/2025 08:00");
  });

  it("refuses an address that is not http(s)", () => {
    expect(() => buildExportUrl("shop.example/shipstation.php", { start: 0, end: 0, page: 1 })).toThrow(/not a web address/);
    expect(() => buildExportUrl("ftp://shop.example/x", { start: 0, end: 0, page: 1 })).toThrow(/must start with https:\/\//);
  });

  it("sends HTTP Basic, and says so in plain words when the credentials are missing", () => {
    expect(basicAuthorization({ username: "ss", password: "pä:ss" })).toBe(`Basic ${Buffer.from("ss:pä:ss").toString("base64")}`);
    expect(() => basicAuthorization({})).toThrow(/username and password are not set/);
  });
});
