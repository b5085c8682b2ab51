import { z } from "zod";

import { SIGN_IN_MESSAGES } from "./sign-in-messages";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, SIGN_IN_MESSAGES.emailMissing)
    .max(254)
    .email(SIGN_IN_MESSAGES.emailInvalid),
  password: z.string().min(1, SIGN_IN_MESSAGES.passwordMissing).max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;
