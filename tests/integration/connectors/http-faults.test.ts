import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestJson, requestText } from "@/lib/connectors/http";
import { ConnectorError } from "@/lib/connectors/types";
import { sendJson, startFakeServer, type FakeServer } from "../../fakes/http-server";

/** A platform answering a page of orders, and the faults the wire adds to it. */
let platform: FakeServer;
beforeAll(async () => {
  platform = await startFakeServer((_request, response) => sendJson(response, 200, { orders: [{ id: 1, note: "x".repeat(400) }] }));
});
afterAll(() => platform.close());

const sleep = vi.fn(async () => {});
const options = { platformName: "Shopify", sleep, retries: 2, requestTimeoutMs: 300 };
const failureOf = (request: Promise<unknown>) => request.then(() => null, (error: unknown) => error);

describe("a platform that goes wrong on the wire", () => {
  it("gives up on a request that is never answered, in words, without retrying it", async () => {
    platform.misbehaveNext({ kind: "timeout" });
    const error = await failureOf(requestText(`${platform.url}/orders.json`, {}, options));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "unavailable", message: "Shopify did not answer within 1 s (the request timed out)." });
    expect(sleep).not.toHaveBeenCalled();
  });

  it("gives up on a body that trickles in past the time limit", async () => {
    platform.misbehaveNext({ kind: "slow-body", chunks: 4, delayMs: 1_000 });
    const error = await failureOf(requestText(`${platform.url}/orders.json`, {}, options));
    expect(error).toMatchObject({ kind: "unavailable", message: "Shopify did not answer within 1 s (the request timed out)." });
  });

  it("tries a body cut off mid-way again, as a dropped connection, and reads the next answer", async () => {
    sleep.mockClear();
    platform.misbehaveNext({ kind: "slow-body", chunks: 4, delayMs: 1, cutAfter: 2 });
    const { body } = await requestJson<{ orders: { id: number }[] }>(`${platform.url}/orders.json`, {}, options);
    expect(body.orders[0].id).toBe(1);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it("fails in the platform's name when every answer is cut off", async () => {
    for (let i = 0; i < 3; i++) platform.misbehaveNext({ kind: "slow-body", chunks: 4, delayMs: 1, cutAfter: 1 });
    const error = await failureOf(requestText(`${platform.url}/orders.json`, {}, options));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "unavailable", message: expect.stringMatching(/^Shopify could not be reached: 127\.0\.0\.1:\d+ closed the connection before answering\.$/) });
  });

  it("calls a body truncated under a 200 a bad response, not JSON", async () => {
    platform.misbehaveNext({ kind: "truncated" });
    const error = await failureOf(requestJson(`${platform.url}/orders.json`, {}, options));
    expect(error).toMatchObject({ kind: "bad_response", message: expect.stringContaining("the answer is not JSON") });
  });

  it("reads a slow body that arrives within the limit", async () => {
    platform.misbehaveNext({ kind: "slow-body", chunks: 3, delayMs: 5 });
    const { body } = await requestJson<{ orders: { id: number }[] }>(`${platform.url}/orders.json`, {}, options);
    expect(body.orders).toHaveLength(1);
  });
});
