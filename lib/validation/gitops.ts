import { z } from "zod";

import { PROMOTION_VALUES } from "@/lib/domain/promotion";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { parseKeyPath } from "@/lib/domain/yaml-values";

import { environmentSchema } from "./windows";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const fileSchema = z
  .string({ message: "file is a path in the repository, e.g. envs/last/values.yaml." })
  .trim()
  .min(1, "Give the file, e.g. envs/last/values.yaml.")
  .max(300)
  .refine(
    (file) =>
      !file.startsWith("/") &&
      !file.split("/").some((part) => part === ".." || part === "." || part === "") &&
      /^[\w./@+-]+$/.test(file),
    { message: "Give a path inside the repository, e.g. envs/last/values.yaml (no .. or /)." },
  )
  .refine((file) => /\.ya?ml$/i.test(file), { message: "The file is YAML: .yaml or .yml." });

const keySchema = z
  .string({ message: "key is a YAML path, e.g. image.tag." })
  .trim()
  .max(200)
  .refine((key) => parseKeyPath(key) !== null, {
    message: "key is a YAML path such as image.tag or images[0].newTag, with no empty segment.",
  });

const environmentTargetSchema = z.strictObject({
  file: fileSchema,
  set: z
    .array(
      z.strictObject({
        key: keySchema,
        value: z.enum(PROMOTION_VALUES, { message: "value is TAG, DIGEST or VERSION." }),
      }),
    )
    .min(1, "Set at least one key.")
    .max(5, "Set at most five keys."),
});

/** PUT /api/products/{key}/gitops. `token`: write-only; absent keeps the one stored, "" removes it. */
export const gitopsTargetSchema = z.strictObject({
  repository: z
    .url({
      protocol: /^https?$/,
      message: "repository is the https address of the Git repository.",
    })
    .max(500)
    .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), {
      message: "Put the credentials in username and token, not in the address.",
    }),
  branch: z
    .string({ message: "Give the branch, e.g. main." })
    .trim()
    .min(1, "Give the branch, e.g. main.")
    .max(200)
    .regex(/^(?!\/|.*\/\/|.*\.\.|.*\/$|.*\.lock$)[\w./-]+$/, "Give a branch name such as main."),
  username: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  token: z.string().max(2000).optional(),
  author: z.strictObject({
    name: z.string().trim().min(1, "Give the commit author's name.").max(120),
    email: z.email("Give the commit author's email.").max(200),
  }),
  environments: z
    .record(z.string(), environmentTargetSchema)
    .refine(
      (map) => Object.keys(map).every((key) => (STAGE_KEYS as readonly string[]).includes(key)),
      {
        message: "environments are among DEV, TEST, LAST, INT, PREPROD and PROD.",
      },
    )
    .refine((map) => Object.keys(map).length > 0, {
      message: "Configure at least one environment.",
    }),
});
export type GitopsTargetInput = z.infer<typeof gitopsTargetSchema>;

/** POST /api/releases/{id}/promotions. */
export const promotionRequestSchema = z.strictObject({ environment: environmentSchema });
