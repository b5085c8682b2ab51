"use client";

import { type ActionState, submitted, submittedChecked } from "@/lib/action-state";
import { STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import type { GitopsTargetDto } from "@/lib/types/gitops";

import { DialogFormFooter } from "../ui/dialog-actions";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { useRefreshingForm } from "../ui/use-dialog-form";

const input =
  "block w-full rounded-md border border-border-strong bg-surface px-2 py-1.5 text-sm text-fg placeholder:text-muted";

export type GitopsFormProps = {
  productKey: string;
  target: GitopsTargetDto | null;
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
};

/** The GitOps target dialog's form, loaded when the dialog first opens. */
export function GitopsForm({ productKey, target, save, close }: GitopsFormProps & DialogBodyProps) {
  const { state, action, isPending, error } = useRefreshingForm(save, close);
  const envError = Object.entries(state.fieldErrors ?? {}).find(([path]) =>
    path.startsWith("environments"),
  )?.[1];
  return (
    <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
      <input type="hidden" name="key" value={productKey} />
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <TextField
          id="gitops-repository"
          label="Repository"
          name="repository"
          required
          placeholder="https://github.com/acme/deploy.git"
          defaultValue={submitted(state, "repository", target?.repository)}
          error={error("repository")}
        />
        <TextField
          id="gitops-branch"
          label="Branch"
          name="branch"
          required
          defaultValue={submitted(state, "branch", target?.branch ?? "main")}
          error={error("branch")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="gitops-username"
          label="User name"
          name="username"
          description="Optional; many hosts take any name with a token."
          defaultValue={submitted(state, "username", target?.username)}
          error={error("username")}
        />
        <TextField
          id="gitops-token"
          label="Access token"
          name="token"
          type="password"
          autoComplete="off"
          description={
            target?.hasToken
              ? "A token is kept (never shown): leave empty to keep it."
              : "Kept encrypted, never shown again."
          }
          error={error("token")}
        />
      </div>
      {target?.hasToken && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="removeToken"
            className="size-4 accent-(--color-accent)"
            defaultChecked={submittedChecked(state, "removeToken", "on", false)}
          />
          Remove the kept token
        </label>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="gitops-author-name"
          label="Commit author"
          name="authorName"
          required
          defaultValue={submitted(state, "authorName", target?.author.name ?? "Release Calendar")}
          error={error("author.name")}
        />
        <TextField
          id="gitops-author-email"
          label="Author email"
          name="authorEmail"
          type="email"
          required
          defaultValue={submitted(state, "authorEmail", target?.author.email)}
          error={error("author.email")}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Environments</legend>
        <p className="text-xs text-muted">
          Per environment, the YAML file and the keys set to the release&apos;s tag and digest
          (leave the digest key empty to set the tag only).
        </p>
        <div className="overflow-hidden rounded-md border border-border">
          <table className="w-full text-sm">
            <thead className="bg-surface-muted/60 text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-2 py-1.5">
                  Environment
                </th>
                <th scope="col" className="px-2 py-1.5">
                  File
                </th>
                <th scope="col" className="px-2 py-1.5">
                  Tag key
                </th>
                <th scope="col" className="px-2 py-1.5">
                  Digest key
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {STAGE_KEYS.map((key) => {
                const current = target?.environments[key];
                const tagKey = current?.set.find((entry) => entry.value === "TAG")?.key;
                const digestKey = current?.set.find((entry) => entry.value === "DIGEST")?.key;
                return (
                  <tr key={key}>
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      <label className="flex items-center gap-2" title={STAGE_NAMES[key]}>
                        <input
                          type="checkbox"
                          name={`${key}.enabled`}
                          className="size-4 accent-(--color-accent)"
                          defaultChecked={submittedChecked(
                            state,
                            `${key}.enabled`,
                            "on",
                            current !== undefined,
                          )}
                        />
                        {key}
                      </label>
                    </td>
                    <td className="px-2 py-1.5">
                      <input
                        aria-label={`${key} file`}
                        name={`${key}.file`}
                        className={`${input} font-mono text-xs`}
                        placeholder={`envs/${key.toLowerCase()}/values.yaml`}
                        defaultValue={submitted(state, `${key}.file`, current?.file)}
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <input
                        aria-label={`${key} tag key`}
                        name={`${key}.tagKey`}
                        className={`${input} font-mono text-xs`}
                        placeholder="image.tag"
                        defaultValue={submitted(state, `${key}.tagKey`, tagKey ?? "image.tag")}
                      />
                    </td>
                    <td className="px-2 py-1.5">
                      <input
                        aria-label={`${key} digest key`}
                        name={`${key}.digestKey`}
                        className={`${input} font-mono text-xs`}
                        placeholder="image.digest"
                        defaultValue={submitted(state, `${key}.digestKey`, digestKey)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {envError && (
          <p role="alert" className="text-xs text-danger">
            {envError}
          </p>
        )}
      </fieldset>
      <DialogFormFooter dialog={{ state, isPending, setOpen: close }} label="Save target" />
    </form>
  );
}
