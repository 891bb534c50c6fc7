import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "@/lib/connectors/types";
import { startBigCommerceFake, type BigCommerceFake } from "../../fakes/bigcommerce/server";
import { orderKeys, orderListQueries, pullAll, recordingSleep } from "./bigcommerce-helpers";

let fake: BigCommerceFake;
let start: number;

beforeEach(async () => {
  fake = await startBigCommerceFake();
  start = fake.now();
});
afterEach(() => fake.close());

async function pullError(sleep = recordingSleep().sleep): Promise<ConnectorError> {
  const error = await pullAll(fake, start, { sleep }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("BigCommerce rate limits and failures", () => {
  it("waits out a 429 for X-Rate-Limit-Time-Reset-Ms and asks again", async () => {
    const order = fake.add();
    fake.rateLimitNext(1, 2_500);
    const { waits, sleep } = recordingSleep();
    const pages = await pullAll(fake, start, { sleep });
    expect(orderKeys(pages)).toEqual([String(order.id)]);
    expect(waits).toEqual([2_500]);
    // 204: no archived order (that listing comes first), then the main listing.
    expect(fake.answers.slice(0, 3).map((answer) => answer.status)).toEqual([429, 204, 200]);
  });

  it("gives up with a rate-limited error when the reset is too far away to hold the run", async () => {
    fake.add();
    fake.rateLimitNext(1, 120_000);
    const error = await pullError();
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(120_000);
  });

  it("paces itself when the quota is nearly spent, instead of running into 429", async () => {
    fake.add();
    fake.setRequestsLeft(4, 1_200);
    const { waits, sleep } = recordingSleep();
    const pages = await pullAll(fake, start, { sleep });
    expect(pages.flatMap((page) => page.orders)).toHaveLength(1);
    expect(waits.length).toBeGreaterThan(0);
    // The wait is the reset BigCommerce announced, less the few ms since that answer.
    expect(waits.every((wait) => wait > 1_000 && wait <= 1_200)).toBe(true);
    expect(fake.answers.some((answer) => answer.status === 429)).toBe(false);
  });

  it("retries a 5xx with backoff", async () => {
    const order = fake.add();
    fake.failNext(2, 503);
    const { waits, sleep } = recordingSleep();
    expect(orderKeys(await pullAll(fake, start, { sleep }))).toEqual([String(order.id)]);
    expect(waits).toEqual([500, 1_000]);
  });

  it("stops with an unavailable error when the 5xx answers do not end", async () => {
    fake.add();
    fake.failNext(10, 500);
    expect((await pullError()).kind).toBe("unavailable");
  });

  it("stops with an auth error when the token is revoked", async () => {
    fake.add();
    const error = await pullAll(fake, start, { credentials: { accessToken: "revoked" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe("auth");
  });

  it.each([
    ["a body that is not JSON", 200, "<html>Service maintenance</html>", /not JSON/],
    ["an empty body with 200", 200, "", /not JSON/],
    ["an object where a list belongs", 200, JSON.stringify({ status: "ok" }), /not a list/],
    ["an order without its id", 200, JSON.stringify([{ status_id: 11, date_created: "Mon, 06 May 2024 14:02:11 +0000", date_modified: "Mon, 06 May 2024 14:02:11 +0000" }]), /entry 1, id/],
    ["an unreadable modification date", 200, JSON.stringify([{ id: 7, status_id: 11, date_created: "soon", date_modified: "soon" }]), /date_modified/],
    ["an unexpected 400", 400, JSON.stringify([{ status: 400, message: "The field 'sort' is invalid." }]), /answered 400/],
  ])("turns %s into a bad_response error", async (_case, status, body, message) => {
    fake.add();
    fake.sendRawNext(status, body);
    // The second look at an ambiguous answer must see the same answer (it is not a 204).
    fake.sendRawNext(status, body);
    const error = await pullError();
    expect(error.kind).toBe("bad_response");
    expect(error.message).toMatch(message);
  });

  it("turns a malformed product list into a bad_response error", async () => {
    fake.add();
    let armed = true;
    fake.onOrdersListed(() => {
      // After the main listing (archived orders are listed first): its order's products are next.
      if (!armed || orderListQueries(fake).length === 0) return;
      armed = false;
      fake.sendRawNext(200, JSON.stringify([{ id: 1, name: "Mug" }]));
    });
    const error = await pullError();
    expect(error.kind).toBe("bad_response");
    expect(error.message).toMatch(/products.*quantity/);
  });

  it("stops instead of moving the cursor when the orders are not oldest change first", async () => {
    const order = { id: 1, status_id: 11, date_created: "Mon, 06 May 2024 14:02:11 +0000" };
    fake.sendRawNext(
      200,
      JSON.stringify([
        { ...order, id: 1, date_modified: "Mon, 06 May 2024 16:00:00 +0000" },
        { ...order, id: 2, date_modified: "Mon, 06 May 2024 15:00:00 +0000" },
      ]),
    );
    const error = await pullError();
    expect(error.kind).toBe("bad_response");
    expect(error.message).toMatch(/oldest change first/);
  });
});
