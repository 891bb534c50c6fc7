import { inEnglish, message, type Message } from "@/lib/i18n/message";
import type { Messages } from "@/lib/i18n/messages/en";

/**
 * Why a request got no answer, in words a merchant can act on, from the error `fetch` throws
 * ("fetch failed") and its cause's code (Node's DNS, socket and TLS codes, undici's own).
 */
export interface NetworkFailure {
  /** The reason, for pages to word in the merchant's language (a message in `networkErrors.*`, or the error's own text). */
  said: Message | string;
  /** The same in English. */
  words: string;
  /** Worth trying again in a moment (a reset, a timeout, a DNS hiccup); a missing name or a closed port is not. */
  transient: boolean;
}

const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export function networkFailureOf(error: unknown, url: string): NetworkFailure {
  const { said, transient } = reasonOf(error, url);
  return { said, words: typeof said === "string" ? said : inEnglish(said), transient };
}

function reasonOf(error: unknown, url: string): { said: Message | string; transient: boolean } {
  const failure = (key: keyof Messages["networkErrors"], transient: boolean) => ({ said: message(`networkErrors.${key}`, { host, hostname, code: code ?? "" }), transient });
  const { host, hostname } = safeUrl(url);
  const code = codeOf(error);
  switch (code) {
    case "ENOTFOUND":
    case "EAI_NONAME":
      return failure("nameNotFound", false);
    case "EAI_AGAIN":
      return failure("nameLookupFailed", true);
    case "ECONNREFUSED":
      return failure("refused", false);
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return failure("noRoute", false);
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return failure("connectTimeout", true);
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return failure("answerTimeout", true);
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
      return failure("closed", true);
    case "EPROTO":
    case "ERR_SSL_WRONG_VERSION_NUMBER":
    case "ERR_SSL_PACKET_LENGTH_TOO_LONG":
      return failure("notHttps", false);
  }
  if (code && TLS_CODES.has(code)) return failure("badCertificate", false);
  const cause = (error as { cause?: { message?: unknown } })?.cause;
  // fetch refuses the ports browsers block (SMTP's 25, 9, 6000…) before connecting.
  if (cause?.message === "bad port") return failure("badPort", false);
  const detail = typeof cause?.message === "string" && cause.message ? cause.message : error instanceof Error ? error.message : String(error);
  return { said: detail, transient: true };
}

/** The code of the error or of its causes (undici wraps the socket's error; a DNS error may be wrapped twice). */
function codeOf(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    // A connect that failed on every address the name resolved to (IPv6 and IPv4) comes as an AggregateError.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) return codeOf(errors[0]);
  }
  return null;
}

function safeUrl(url: string): { host: string; hostname: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, hostname: parsed.hostname };
  } catch {
    const unknown = inEnglish(message("networkErrors.theAddress"));
    return { host: unknown, hostname: unknown };
  }
}
