import { describe, expect, it } from "vitest";
import { findPlatformSpec } from "@/lib/stores/platforms";

describe("finding a platform by the name in a URL", () => {
  it("finds each connectable platform", () => {
    expect(findPlatformSpec("shopify")?.label).toBe("Shopify");
    expect(findPlatformSpec("custom_store")?.platform).toBe("custom_store");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "manual", "etsy", ""])("finds nothing for %j (the page answers 404, not 500)", (name) => {
    expect(findPlatformSpec(name)).toBeNull();
  });
});
