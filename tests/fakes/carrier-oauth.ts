import type { ServerResponse } from "node:http";
import { startFakeServer, type FakeServer } from "./http-server";

/**
 * What the three carrier fakes share: OAuth client-credentials tokens that expire, and rating
 * calls that can be told to hang (a timeout) or to fail.
 */
export interface CarrierFake extends FakeServer {
  /** Tokens issued so far, newest last. */
  issuedTokens: string[];
  /** Every issued token stops working, as if it had expired or been revoked. */
  expireTokens(): void;
  /** Rating calls from now on never answer (until `release` or `close`). */
  hang(): void;
  release(): void;
  /** The next rating call answers `status` with `body` (default: the carrier's own error JSON; a string is sent as HTML). */
  failNext(status: number, body?: unknown): void;
}

export interface CarrierFakeState {
  validToken(token: string | undefined): boolean;
  issueToken(): string;
  /** True when this rating call was held or answered by a queued failure. */
  intercept(response: ServerResponse): boolean;
}

export async function startCarrierFake(
  prefix: string,
  defaultFailure: (status: number) => unknown,
  handler: (state: CarrierFakeState, ...args: Parameters<Parameters<typeof startFakeServer>[0]>) => void | Promise<void>,
): Promise<CarrierFake> {
  const issuedTokens: string[] = [];
  const valid = new Set<string>();
  const held: ServerResponse[] = [];
  const failures: { status: number; body: unknown }[] = [];
  let hanging = false;

  const state: CarrierFakeState = {
    validToken: (token) => token !== undefined && valid.has(token),
    issueToken: () => {
      const token = `${prefix}-token-${issuedTokens.length + 1}`;
      issuedTokens.push(token);
      valid.add(token);
      return token;
    },
    intercept: (response) => {
      if (hanging) {
        held.push(response);
        return true;
      }
      const failure = failures.shift();
      if (!failure) return false;
      // A string is a page from something in front of the carrier (a proxy's HTML), sent as is.
      const text = typeof failure.body === "string" ? failure.body : JSON.stringify(failure.body);
      response.writeHead(failure.status, { "content-type": typeof failure.body === "string" ? "text/html" : "application/json" });
      response.end(text);
      return true;
    },
  };

  const server = await startFakeServer((request, response, context) => handler(state, request, response, context));
  const release = () => {
    hanging = false;
    for (const response of held.splice(0)) response.destroy();
  };
  return {
    ...server,
    issuedTokens,
    expireTokens: () => valid.clear(),
    hang: () => void (hanging = true),
    release,
    failNext: (status, body) => void failures.push({ status, body: body ?? defaultFailure(status) }),
    close: async () => {
      release();
      await server.close();
    },
  };
}

/** "Bearer abc" → "abc". */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer (.+)$/.exec(header ?? "");
  return match?.[1];
}

/** A deterministic zone 1–8 from two ZIPs, so tests can work a price out by hand. */
export function fakeZone(fromZip: string, toZip: string): number {
  return 1 + (Math.abs(Number(fromZip.slice(0, 3)) - Number(toZip.slice(0, 3))) % 8);
}

/** Test settings as the environment type the carriers read (Next's types require NODE_ENV in it). */
export const asEnv = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;
