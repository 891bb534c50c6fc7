import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { customStoreConnector } from "@/lib/connectors/custom-store";
import { requestText } from "@/lib/connectors/http";
import { assertPublicUrl, BlockedAddressError, isPublicAddress, publicOnlyDispatcher } from "@/lib/connectors/public-address";
import { shopifyConnector } from "@/lib/connectors/shopify";
import { woocommerceConnector } from "@/lib/connectors/woocommerce";
import { startFakeServer, type FakeServer } from "../../fakes/http-server";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";

// Every other suite runs with ALLOW_PRIVATE_STORE_URLS=1 (vitest.config.ts): its fakes listen on 127.0.0.1.
// This one runs as a hosted install does, with the setting off.
beforeEach(() => {
  vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const TOKEN = "shpat_test_private_0123456789";
const servers: (FakeServer | ShopifyFake)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function shop() {
  const fake = await startShopifyFake({ accessToken: TOKEN });
  servers.push(fake);
  return fake;
}

async function server(handler: Parameters<typeof startFakeServer>[0]) {
  const fake = await startFakeServer(handler);
  servers.push(fake);
  return fake;
}

describe("which addresses are public", () => {
  it.each([
    ["127.0.0.1"],
    ["127.8.9.10"],
    ["0.0.0.0"],
    ["10.1.2.3"],
    ["100.64.0.1"],
    ["100.127.255.254"],
    ["169.254.169.254"],
    ["172.16.0.1"],
    ["172.31.255.255"],
    ["192.168.1.1"],
    ["224.0.0.1"],
    ["255.255.255.255"],
    ["::1"],
    ["::"],
    ["fc00::1"],
    ["fd12:3456::1"],
    ["fe80::1"],
    ["fe80::1%eth0"],
    ["::ffff:127.0.0.1"],
    ["::ffff:7f00:1"],
    ["::ffff:169.254.169.254"],
    ["::127.0.0.1"],
    ["64:ff9b::a00:1"],
    ["2002:c0a8:0101::1"],
    ["ff02::1"],
  ])("%s is not", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([["8.8.8.8"], ["1.1.1.1"], ["172.32.0.1"], ["100.128.0.1"], ["93.184.216.34"], ["2606:4700:4700::1111"], ["::ffff:8.8.8.8"], ["2002:0808:0808::1"]])("%s is", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("checks every address a name resolves to, and what an address literal is", async () => {
    const resolve = (addresses: string[]) => async () => addresses.map((address) => ({ address }));
    await expect(assertPublicUrl(new URL("https://shop.example/"), resolve(["93.184.216.34"]))).resolves.toBeUndefined();
    await expect(assertPublicUrl(new URL("https://shop.example/"), resolve(["93.184.216.34", "10.0.0.7"]))).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(assertPublicUrl(new URL("https://internal.example/"), resolve(["::ffff:10.0.0.7"]))).rejects.toBeInstanceOf(BlockedAddressError);
    // The URL parser turns these spellings into 127.0.0.1 and [::1] first.
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/"]) {
      await expect(assertPublicUrl(new URL(url), resolve([]))).rejects.toBeInstanceOf(BlockedAddressError);
    }
  });

  it("allows what the operator allows: every private address, or the listed ones", async () => {
    const resolve = async () => [{ address: "10.0.0.7" }];
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "1");
    await expect(assertPublicUrl(new URL("http://shop.internal/"), resolve)).resolves.toBeUndefined();
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "10.0.0.7, 192.168.1.20");
    await expect(assertPublicUrl(new URL("http://shop.internal/"), resolve)).resolves.toBeUndefined();
    await expect(assertPublicUrl(new URL("http://169.254.169.254/"), resolve)).rejects.toBeInstanceOf(BlockedAddressError);
  });
});

describe("store connections on a hosted install", () => {
  it("refuses Test connection to a store on a private address, without sending it the credentials", async () => {
    const fake = await shop();
    const check = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: fake.url, credentials: { accessToken: TOKEN } });
    expect(check).toEqual({ ok: false, message: expect.stringMatching(/^127\.0\.0\.1 is a private or local network address\. .*ALLOW_PRIVATE_STORE_URLS/) });
    expect(fake.requests).toEqual([]);
  });

  it("refuses a name that resolves to loopback, for every platform", async () => {
    const fake = await shop();
    const baseUrl = fake.url.replace("127.0.0.1", "localhost");
    const checks = await Promise.all([
      shopifyConnector.testConnection({ platform: "shopify", baseUrl, credentials: { accessToken: TOKEN } }),
      woocommerceConnector.testConnection({ platform: "woocommerce", baseUrl, credentials: { consumerKey: "ck", consumerSecret: "cs" } }),
      customStoreConnector.testConnection({ platform: "custom_store", baseUrl, credentials: { username: "u", password: "p" } }),
    ]);
    for (const check of checks) expect(check).toEqual({ ok: false, message: expect.stringContaining("localhost is a private or local network address") });
    expect(fake.requests).toEqual([]);
  });

  it("checks every redirect: an allowed store that redirects to the metadata address is refused before the hop", async () => {
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "127.0.0.1");
    const redirecting = await server((_request, response) => {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" });
      response.end();
    });
    const check = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: redirecting.url, credentials: { accessToken: TOKEN } });
    expect(check).toEqual({ ok: false, message: expect.stringContaining("169.254.169.254 is a private or local network address") });
    expect(redirecting.requests).toHaveLength(1);
  });

  it("follows a redirect to another host without the store's credentials", async () => {
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "1");
    const target = await server((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ shop: { name: "Elsewhere" } }));
    });
    const redirecting = await server((request, response) => {
      response.writeHead(301, { location: `${target.url.replace("127.0.0.1", "localhost")}${request.url}` });
      response.end();
    });
    const check = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: redirecting.url, credentials: { accessToken: TOKEN } });
    expect(check).toEqual({ ok: true });
    expect(redirecting.requests[0].headers["x-shopify-access-token"]).toBe(TOKEN);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0].headers["x-shopify-access-token"]).toBeUndefined();
  });

  it("says what a store answered in plain words, never its body", async () => {
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "1");
    const secretive = await server((_request, response) => {
      response.writeHead(418, { "content-type": "text/plain" });
      response.end("root:x:0:0:root:/root:/bin/bash INTERNAL-ONLY");
    });
    const check = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: secretive.url, credentials: { accessToken: TOKEN } });
    expect(check).toEqual({ ok: false, message: "Shopify answered 418." });
  });

  it("says why a store could not be reached in plain words, not fetch's own", async () => {
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "1");
    const closed = await server(() => undefined);
    const url = closed.url;
    await closed.close();
    servers.splice(servers.indexOf(closed), 1);
    const options = { platformName: "Shopify", sleep: async () => undefined, retries: 1 };
    await expect(requestText(`${url}/admin/api/2024-04/shop.json`, {}, options)).rejects.toMatchObject({
      message: expect.stringMatching(/^Shopify could not be reached: connection refused by 127\.0\.0\.1:\d+: nothing answers at that address and port\.$/),
    });

    const abandon = new AbortController();
    const silent = await server((request) => {
      abandon.abort(); // the store got the request and never answers
      request.resume();
    });
    await expect(requestText(`${silent.url}/admin/api/2024-04/shop.json`, {}, { ...options, signal: abandon.signal })).rejects.toMatchObject({
      message: "Shopify did not answer in time (the request timed out).",
    });
  });
});

describe("the connection checks the address it connects to (DNS rebinding)", () => {
  it("refuses a name that resolves to a private address when the socket connects, whatever the earlier check saw; nothing reaches the server", async () => {
    const inside = await server((_request, response) => void response.end("secret"));
    // "localhost" stands in for a rebinding name: whatever it answered before, it answers 127.0.0.1 now.
    const url = inside.url.replace("127.0.0.1", "localhost");
    const failure = await fetch(url, { dispatcher: publicOnlyDispatcher } as RequestInit).catch((error: Error) => error);
    expect((failure as Error).cause).toBeInstanceOf(BlockedAddressError);
    expect(inside.requests).toHaveLength(0);
  });

  it("connects where the operator allows private addresses (self-hosting next to the shop)", async () => {
    vi.stubEnv("ALLOW_PRIVATE_STORE_URLS", "1");
    const inside = await server((_request, response) => void response.end("ok"));
    const answer = await fetch(inside.url.replace("127.0.0.1", "localhost"), { dispatcher: publicOnlyDispatcher } as RequestInit);
    expect(await answer.text()).toBe("ok");
  });
});
