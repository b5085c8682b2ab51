/**
 * What the sign-in form says about its fields. Apart from the schema (lib/validation/auth.ts) so the
 * sign-in page checks its fields without shipping zod to the browser (30 KB gzip on the first screen
 * anyone sees); the server validates with the schema, which uses the same words.
 */
export const SIGN_IN_MESSAGES = {
  emailMissing: "Enter your email address.",
  emailInvalid: "Enter a valid email address.",
  passwordMissing: "Enter your password.",
} as const;
