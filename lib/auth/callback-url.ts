/** Where to go after signing in: a same-site path only, so a crafted link can't send a merchant elsewhere. */
export function safeCallbackUrl(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/orders";
}
