import { randomUUID } from "node:crypto";
import { signUpUser } from "@/lib/auth/sign-up";

/** A merchant who signed up: their user, workspace and Manual Orders store. */
export async function createMerchant(name = "Ada Merchant") {
  return signUpUser({ name, email: `${randomUUID()}@example.test`, password: "correct horse battery" });
}
