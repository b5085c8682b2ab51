"use client";

import { GitBranch, PlugZap, Settings2 } from "lucide-react";

import { type ActionState, submitted, submittedChecked } from "@/lib/action-state";
import { STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import type { GitopsTargetDto } from "@/lib/types/gitops";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmRemoveButton } from "../ui/confirm-remove-button";
import { DialogFormFooter } from "../ui/dialog-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { useActionRunner } from "../ui/use-action-runner";
import { useRefreshingDialog } from "../ui/use-dialog-form";

type Save = (previous: ActionState, form: FormData) => Promise<ActionState>;
type Command = (command: { key: string }) => Promise<ActionState>;

const input =
  "block w-full rounded-md border border-border-strong bg-surface px-2 py-1.5 text-sm text-fg placeholder:text-muted";

/** Sets up or changes where a product's environments live in Git. */
function GitopsDialog({
  productKey,
  productName,
  target,
  save,
}: {
  productKey: string;
  productName: string;
  target: GitopsTargetDto | null;
  save: Save;
}) {
  const { dialog, state, error } = useRefreshingDialog(save);
  const envError = Object.entries(state.fieldErrors ?? {}).find(([path]) =>
    path.startsWith("environments"),
  )?.[1];
  return (
    <Modal
      title={`GitOps target of ${productName}`}
      description="Where the environments of this product are configured. After each sign-off the calendar commits the release's tag (and digest) into the next environment's file; Argo CD deploys it."
      open={dialog.open}
      onOpenChange={dialog.setOpen}
      wide
      trigger={
        <Button variant="secondary" size="sm">
          <Settings2 aria-hidden />
          {target ? "Edit" : "Set up GitOps"}
        </Button>
      }
    >
      <form action={dialog.action} noValidate className="space-y-4" key={state.at ?? "form"}>
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
        <DialogFormFooter dialog={dialog} label="Save target" />
      </form>
    </Modal>
  );
}

function TestButton({ productKey, test }: { productKey: string; test: Command }) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={isPending}
        onClick={() => run(() => test({ key: productKey }))}
      >
        <PlugZap aria-hidden />
        Test connection
      </Button>
      {problem && (
        <Alert tone="danger" className="basis-full" data-testid="gitops-test-problem">
          {problem.message}
        </Alert>
      )}
    </>
  );
}

/** A product's GitOps target, for its owners and administrators (the token is never shown). */
export function GitopsSection({
  product,
  target,
  actions,
}: {
  product: { key: string; name: string };
  target: GitopsTargetDto | null;
  actions: { save: Save; test: Command; remove: Command };
}) {
  return (
    <section aria-labelledby="gitops-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2
            id="gitops-heading"
            className="flex items-center gap-2 text-base font-semibold text-fg"
          >
            <GitBranch aria-hidden className="size-4 text-muted" />
            Promotion through Git
          </h2>
          <p className="text-sm text-muted">
            A sign-off writes the approved artifact into the next environment&apos;s file, one
            commit naming the release and its approvers. Seen by owners and administrators only.
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          {target && <TestButton productKey={product.key} test={actions.test} />}
          <GitopsDialog
            productKey={product.key}
            productName={product.name}
            target={target}
            save={actions.save}
          />
          {target && (
            <ConfirmRemoveButton
              title="Remove the GitOps target?"
              description="Sign-offs stop writing to Git. The repository and its history stay as they are."
              confirmLabel="Remove target"
              remove={() => actions.remove({ key: product.key })}
            />
          )}
        </div>
      </div>
      {target ? (
        <div
          data-testid="gitops-target"
          className="space-y-2 rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-xs"
        >
          <p className="text-fg">
            <span className="font-mono text-xs">{target.repository}</span> · branch{" "}
            <span className="font-mono text-xs">{target.branch}</span> · commits as{" "}
            {target.author.name} &lt;{target.author.email}&gt; ·{" "}
            {target.hasToken ? "token kept" : "no token"}
          </p>
          <ul className="grid gap-1 sm:grid-cols-2" aria-label="Environments in Git">
            {STAGE_KEYS.filter((key) => target.environments[key]).map((key) => {
              const environment = target.environments[key]!;
              return (
                <li key={key} className="text-muted">
                  <span className="font-semibold text-fg">{key}</span>{" "}
                  <span className="font-mono text-xs">{environment.file}</span>:{" "}
                  {environment.set.map((entry) => `${entry.key} ← ${entry.value}`).join(", ")}
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-4 text-sm text-muted">
          Not set up: environments are updated by hand after each sign-off.
        </p>
      )}
    </section>
  );
}
