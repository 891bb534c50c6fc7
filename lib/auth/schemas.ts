import { z } from "zod";
import { en } from "@/lib/i18n/messages/en";

// Zod keeps a message as text: the English catalog's, which forms read back into its key (lib/i18n/message.ts).
const said = en.authErrors;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: said.validEmail })).pipe(z.string().max(320));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, said.enterName).max(200),
  email: emailSchema,
  password: z.string().min(8, said.atLeast8).max(200, said.atMost200),
  workspaceName: z.string().trim().max(200).optional(),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, said.enterPassword).max(200),
});
