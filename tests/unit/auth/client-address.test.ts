import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("trusts no header without a proxy (TRUSTED_PROXY_HOPS unset or 0): every one is the client's own writing", () => {
    const sent = headers({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.2" });
    expect(clientAddress(sent, {})).toBeNull();
    expect(clientAddress(sent, { TRUSTED_PROXY_HOPS: "0" })).toBeNull();
    expect(clientAddress(undefined, { TRUSTED_PROXY_HOPS: "1" })).toBeNull();
  });

  it("behind one proxy, takes the entry it appended, so appending ', x' or anything else to the header changes nothing", () => {
    const env = { TRUSTED_PROXY_HOPS: "1" };
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), env)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, x, 203.0.113.7" }), env)).toBe("203.0.113.7");
  });

  it("behind two proxies, takes the second entry from the right; with fewer entries, nothing", () => {
    const env = { TRUSTED_PROXY_HOPS: "2" };
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), env)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "10.0.0.2" }), env)).toBeNull();
  });

  it("refuses an entry that is not an IP address, and writes IPv6 in one case", () => {
    const env = { TRUSTED_PROXY_HOPS: "1" };
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7, not-an-address" }), env)).toBeNull();
    expect(clientAddress(headers({ "x-forwarded-for": "2001:DB8::1" }), env)).toBe("2001:db8::1");
  });

  it("on Vercel, reads x-real-ip, which Vercel's edge sets, as ipAddress() of @vercel/functions does, ignoring X-Forwarded-For", () => {
    const env = { VERCEL: "1" };
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.2", "x-forwarded-for": "6.6.6.6" }), env)).toBe("198.51.100.2");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6" }), env)).toBeNull();
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set to a small whole number", () => {
    for (const value of [undefined, "", "-1", "1.5", "two", "11"]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
  });
});
