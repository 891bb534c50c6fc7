import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { requestText } from "@/lib/connectors/http";
import { networkFailureOf } from "@/lib/connectors/network-errors";
import { ConnectorError } from "@/lib/connectors/types";

/** What undici's fetch throws: "fetch failed", the socket's error as its cause. */
function fetchFailed(code: string) {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(`${code} detail`), { code }) });
}

describe("a request that gets no answer, in plain words", () => {
  it.each([
    ["ENOTFOUND", "the name shop.example was not found (DNS): check the address", false],
    ["ECONNREFUSED", "connection refused by shop.example:8443: nothing answers at that address and port", false],
    ["UND_ERR_CONNECT_TIMEOUT", "connecting to shop.example:8443 timed out", true],
    ["ECONNRESET", "shop.example:8443 closed the connection before answering", true],
    ["CERT_HAS_EXPIRED", "the HTTPS certificate of shop.example is not valid (CERT_HAS_EXPIRED)", false],
  ])("%s", (code, words, transient) => {
    expect(networkFailureOf(fetchFailed(code), "https://shop.example:8443/admin")).toMatchObject({ words, transient });
  });

  it("a port fetch refuses to use (as browsers do)", () => {
    const error = Object.assign(new TypeError("fetch failed"), { cause: new Error("bad port") });
    expect(networkFailureOf(error, "http://127.0.0.1:9/")).toMatchObject({ words: "127.0.0.1:9 uses a port that web requests may not use: check the address", transient: false });
  });

  it("reads the first error of a connect that failed on every address (IPv6 and IPv4)", () => {
    const error = Object.assign(new TypeError("fetch failed"), { cause: new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" })]) });
    expect(networkFailureOf(error, "http://localhost:9/").words).toBe("connection refused by localhost:9: nothing answers at that address and port");
  });

  it("a closed port fails at once, without the retries meant for a platform's brief outage", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const sleep = vi.fn(async () => {});

    const error = await requestText(`http://127.0.0.1:${port}/orders`, {}, { platformName: "WooCommerce", sleep }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).toBe(`WooCommerce could not be reached: connection refused by 127.0.0.1:${port}: nothing answers at that address and port.`);
    expect((error as ConnectorError).kind).toBe("unavailable");
    expect(sleep).not.toHaveBeenCalled();
  });
});
