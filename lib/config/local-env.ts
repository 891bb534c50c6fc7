import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

const LOCAL_ENV_FILE = ".env.local";

/** Reads `.env.local` into process.env for scripts run outside Next (which loads it itself). */
export function loadLocalEnv(file = LOCAL_ENV_FILE) {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || process.env[match[1]] !== undefined) continue;
    process.env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2");
  }
}

/** Writes a random AUTH_SECRET into `.env.local` when neither the environment nor the file has one. */
export function ensureAuthSecret(file = LOCAL_ENV_FILE): "present" | "generated" {
  loadLocalEnv(file);
  if (process.env.AUTH_SECRET) return "present";
  const secret = randomBytes(32).toString("base64url");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = existing && !existing.endsWith("\n") ? "\n" : "";
  writeFileSync(file, `${existing}${separator}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  return "generated";
}
