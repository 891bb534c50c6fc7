import { describe, expect, it } from "vitest";
import { parseBasicAuth } from "@/lib/http/basic-auth";

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;

describe("parseBasicAuth", () => {
  it("reads the key and secret a ShipStation client sends", () => {
    expect(parseBasicAuth(basic("sd_live_abc123:s3cr3t-_value"))).toEqual({ key: "sd_live_abc123", secret: "s3cr3t-_value" });
  });

  it("takes the scheme in any case and tolerates surrounding spaces", () => {
    const encoded = Buffer.from("key:secret").toString("base64");
    expect(parseBasicAuth(`basic ${encoded}`)).toEqual({ key: "key", secret: "secret" });
    expect(parseBasicAuth(`  BASIC   ${encoded}  `)).toEqual({ key: "key", secret: "secret" });
  });

  it("splits at the first colon, so a secret may contain colons", () => {
    expect(parseBasicAuth(basic("key:sec:ret:"))).toEqual({ key: "key", secret: "sec:ret:" });
  });

  it("accepts base64 without its padding", () => {
    const unpadded = Buffer.from("key:secret1").toString("base64").replace(/=+$/, "");
    expect(parseBasicAuth(`Basic ${unpadded}`)).toEqual({ key: "key", secret: "secret1" });
  });

  it("decodes UTF-8", () => {
    expect(parseBasicAuth(basic("clé:sécret"))).toEqual({ key: "clé", secret: "sécret" });
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["another scheme", `Bearer ${Buffer.from("key:secret").toString("base64")}`],
    ["the scheme alone", "Basic"],
    ["the scheme and spaces", "Basic    "],
    ["no colon", basic("keysecret")],
    ["an empty key", basic(":secret")],
    ["an empty secret", basic("key:")],
    ["nothing but a colon", basic(":")],
    ["characters outside base64", "Basic a2V5:c2VjcmV0"],
    ["two tokens", `Basic ${Buffer.from("key:secret").toString("base64")} extra`],
    ["an impossible base64 length", "Basic a2V5Y"],
    ["a header far longer than any key and secret", basic(`key:${"x".repeat(2000)}`)],
  ])("refuses %s", (_case, header) => {
    expect(parseBasicAuth(header)).toBeNull();
  });
});
