import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/database";
import { verifyPassword } from "@/lib/auth/passwords";
import { signUpUser } from "@/lib/auth/sign-up";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { useTestDatabase } from "../../helpers/database";
import { rejection } from "../../helpers/errors";

// The real createWorkspace, wrapped so one test can make it fail halfway through a sign-up.
vi.mock("@/lib/workspaces/create-workspace", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/workspaces/create-workspace")>();
  return { ...original, createWorkspace: vi.fn(original.createWorkspace) };
});

const actual = await vi.importActual<typeof import("@/lib/workspaces/create-workspace")>("@/lib/workspaces/create-workspace");

useTestDatabase();

const TABLES = ["User", "credentials", "workspaces", "memberships", "stores"] as const;

/** How many rows a sign-up touches, table by table. */
async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { n } = await db.read.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}

const signUpError = (input: Parameters<typeof signUpUser>[0]) => rejection(signUpUser(input));

describe("signUpUser", () => {
  it("creates the user, their password, their workspace and its Manual Orders store", async () => {
    const { userId, email, workspaceId, manualStoreId } = await signUpUser({ name: "Ada Lovelace", email: "ada@example.com", password: "analytical engine", workspaceName: "Ada's Teas" });

    expect(email).toBe("ada@example.com");
    const user = await db.read.selectFrom("User").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com" });

    const { password_hash } = await db.read.selectFrom("credentials").select("password_hash").where("user_id", "=", userId).executeTakeFirstOrThrow();
    expect(password_hash).not.toContain("analytical engine");
    expect(await verifyPassword("analytical engine", password_hash)).toBe(true);

    const workspace = await db.read.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(workspace.name).toBe("Ada's Teas");
    const memberships = await db.read.selectFrom("memberships").select(["user_id", "role"]).where("workspace_id", "=", workspaceId).execute();
    expect(memberships).toEqual([{ user_id: userId, role: "owner" }]);
    const stores = await db.read.selectFrom("stores").select(["id", "name", "platform"]).where("workspace_id", "=", workspaceId).execute();
    expect(stores).toEqual([{ id: manualStoreId, name: "Manual Orders", platform: "manual" }]);
  });

  it("names the workspace after the user when they give no business name", async () => {
    const { workspaceId } = await signUpUser({ name: "Grace Hopper", email: "grace@example.com", password: "compiler first" });

    const workspace = await db.read.selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(workspace.name).toBe("Grace Hopper's workspace");
  });

  it("keeps the email trimmed and in lower case", async () => {
    const { userId, email } = await signUpUser({ name: "Alan Turing", email: "  Alan.Turing@Example.COM ", password: "bombe machine" });

    expect(email).toBe("alan.turing@example.com");
    const user = await db.read.selectFrom("User").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email).toBe("alan.turing@example.com");
  });

  it("refuses an email that already has an account, however it is typed, and writes nothing", async () => {
    await signUpUser({ name: "Katherine Johnson", email: "katherine@example.com", password: "orbital mechanics" });
    const before = await rowCounts();

    const error = await signUpError({ name: "Someone Else", email: " KATHERINE@example.com", password: "another password" });

    expect(error.code).toBe("conflict");
    expect(error.fieldErrors).toHaveProperty("email");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a short password, naming the field, and writes nothing", async () => {
    const before = await rowCounts();

    const error = await signUpError({ name: "Short Password", email: "short@example.com", password: "seven77" });

    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fieldErrors!)).toEqual(["password"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an email that is not one, naming the field, and writes nothing", async () => {
    const before = await rowCounts();

    const error = await signUpError({ name: "Bad Email", email: "not-an-email", password: "long enough password" });

    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fieldErrors!)).toEqual(["email"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("leaves nothing half-written when creating the workspace fails", async () => {
    const before = await rowCounts();
    vi.mocked(createWorkspace).mockImplementationOnce(async (trx, input, now) => {
      await actual.createWorkspace(trx, input, now);
      throw new Error("disk full");
    });

    await expect(signUpUser({ name: "Unlucky", email: "unlucky@example.com", password: "long enough password" })).rejects.toThrow("disk full");

    expect(await rowCounts()).toEqual(before);
    const user = await db.read.selectFrom("User").select("id").where("email", "=", "unlucky@example.com").executeTakeFirst();
    expect(user).toBeUndefined();
  });
});
