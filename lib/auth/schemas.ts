import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address" })).pipe(z.string().max(320));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(200),
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
  workspaceName: z.string().trim().max(200).optional(),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});
