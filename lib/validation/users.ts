import { z } from "zod";

import { passwordProblem, TOKEN_MAX_LIFETIME_LIMIT_DAYS, TOKEN_SCOPES } from "@/lib/domain/people";
import { ROLES } from "@/lib/domain/stages";

import { isoDateSchema, pageQuery } from "./common";

export const emailSchema = z
  .string({ message: "Give an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Keep the email under 254 characters.")
  .email("Give a valid email address.");

export const personNameSchema = z
  .string({ message: "Give a name." })
  .trim()
  .min(1, "Give a name.")
  .max(120, "Keep the name under 120 characters.");

/** A new password: 12 to 72 bytes (bcrypt's limit). */
export const newPasswordSchema = z
  .string({ message: "Give a password." })
  .superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

const booleanParam = z
  .enum(["true", "false"], { message: "Use true or false." })
  .transform((value) => value === "true");

export const userListQuerySchema = z.object({
  q: z.string().trim().max(120).optional(),
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}.` }).optional(),
  active: booleanParam.optional(),
  ...pageQuery,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}.` }),
  password: newPasswordSchema.optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}.` }).optional(),
    isActive: z.boolean({ message: "isActive must be true or false." }).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Give a name, a role or isActive to change.",
  });
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ message: "Give your current password." }).min(1).max(200),
  newPassword: newPasswordSchema,
});

/** Setting a password from a one-time link. */
export const passwordLinkSchema = z.strictObject({
  token: z.string().trim().min(20).max(200),
  newPassword: newPasswordSchema,
});

export const tokenCreateSchema = z.strictObject({
  name: z
    .string({ message: "Name the token after what uses it." })
    .trim()
    .min(1, "Name the token after what uses it, e.g. “GitLab deploy job”.")
    .max(120, "Keep the name under 120 characters."),
  scope: z.enum(TOKEN_SCOPES, { message: "scope must be read, write or deploy." }),
  /** An instant (ISO 8601) or a date (the token then works through that day, UTC). */
  expiresAt: z
    .union([z.iso.datetime({ offset: true }), isoDateSchema])
    .nullable()
    .optional()
    .transform((value) =>
      value ? new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value) : null,
    ),
});
export type TokenCreateInput = z.infer<typeof tokenCreateSchema>;

/** An administrator's forced password reset: optionally every API token and the feed end too. */
export const passwordResetSchema = z.strictObject({
  revokeAccess: z.boolean({ message: "revokeAccess is true or false." }).default(false),
});
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;

/** The longest a new API token may live (Admin → API tokens). */
export const tokenLifetimeSchema = z.object({
  maxLifetimeDays: z.coerce
    .number({ message: "Give a number of days." })
    .int("Give a whole number of days.")
    .min(1, "A token lives at least 1 day.")
    .max(
      TOKEN_MAX_LIFETIME_LIMIT_DAYS,
      `At most ${TOKEN_MAX_LIFETIME_LIMIT_DAYS} days (10 years).`,
    ),
});
