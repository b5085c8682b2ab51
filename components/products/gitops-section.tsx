import { GitBranch } from "lucide-react";

import { STAGE_KEYS } from "@/lib/domain/stages";
import type { GitopsTargetDto } from "@/lib/types/gitops";

import { GitopsControls } from "./gitops-controls";

/**
 * A product's GitOps target, for its owners and administrators (the token is never shown). Rendered
 * on the server; the buttons and the dialog are client code.
 */
export function GitopsSection({
  product,
  target,
  actions,
}: {
  product: { key: string; name: string };
  target: GitopsTargetDto | null;
  actions: React.ComponentProps<typeof GitopsControls>["actions"];
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
        <GitopsControls
          productKey={product.key}
          productName={product.name}
          target={target}
          actions={actions}
        />
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
