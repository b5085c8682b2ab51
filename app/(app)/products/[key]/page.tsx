import { CalendarRange, ListFilter } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { ProductNews } from "@/components/notes/product-news";
import { WatchButton } from "@/components/notes/watch-button";
import { ApproverEditor } from "@/components/products/approver-editor";
import { GitopsSection } from "@/components/products/gitops-section";
import { ProductDialog } from "@/components/products/product-dialog";
import { TrainSection } from "@/components/products/train-section";
import { StageChip } from "@/components/releases/stage-chip";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { listRegions } from "@/lib/domain/holidays";
import { mayManageProduct, OWNER_ROLES } from "@/lib/domain/products";
import { ROLE_NAMES, STAGE_KEYS, STAGE_NAMES } from "@/lib/domain/stages";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import {
  removeGitopsAction,
  saveGitopsAction,
  testGitopsAction,
} from "@/lib/server/actions/gitops";
import { watchAction } from "@/lib/server/actions/notes";
import {
  planTrainAction,
  removeTrainAction,
  saveTrainAction,
  setApproversAction,
  updateProductAction,
} from "@/lib/server/actions/products";
import { pageOrigin } from "@/lib/server/api/origin";
import { requireUser } from "@/lib/server/auth/session";
import { getOrCreateNotesFeedUrl } from "@/lib/server/calendar-feed/feed-tokens";
import { findGitopsTarget } from "@/lib/server/gitops/targets";
import { productNews } from "@/lib/server/notes/product-notes";
import { watchesProduct } from "@/lib/server/notes/watches";
import { getProduct } from "@/lib/server/products/products";
import { findTrain } from "@/lib/server/products/trains";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { listUsers } from "@/lib/server/users/manage-users";
import type { ProductDto } from "@/lib/types/product";
import { productKeySchema } from "@/lib/validation/products";

type Params = Promise<{ key: string }>;

async function loadProduct(key: string): Promise<ProductDto> {
  if (!productKeySchema.safeParse(key).success) notFound();
  return getProduct(key).catch((error: unknown) => {
    if (isAppError(error) && error.kind === "NOT_FOUND") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  const product = await getProduct(key).catch(() => null);
  return { title: product?.name ?? "Product" };
}

export default async function ProductPage({ params }: { params: Params }) {
  const user = await requireUser();
  const { key } = await params;
  const [product, settings, people, train, gitops, news, watching, notesFeedUrl] =
    await Promise.all([
      loadProduct(key),
      getPlanningSettings(),
      listUsers(user, { limit: 1000, active: true }),
      findTrain(key),
      findGitopsTarget(key),
      // An unknown product is loadProduct's 404, whichever of the two answers first.
      productNews(key).catch((error: unknown) => {
        if (isAppError(error) && error.kind === "NOT_FOUND") notFound();
        throw error;
      }),
      watchesProduct(user.id, key),
      pageOrigin().then((origin) => getOrCreateNotesFeedUrl(user, origin, key)),
    ]);
  const mayEdit =
    can(user.role, "products.manage") &&
    mayManageProduct(
      user,
      product.owners.map((owner) => owner.id),
    );
  const owners = people.items.filter((person) => OWNER_ROLES.includes(person.role));

  return (
    <div className="space-y-8">
      <PageHeader
        title={product.name}
        description={
          <>
            <span className="font-mono">{product.key}</span>
            {product.description && <> · {product.description}</>}
            {product.isDefault && " · releases that name no product join this one"}
          </>
        }
        actions={
          <>
            {can(user.role, "watches.manage") && (
              <WatchButton
                target={{ kind: "product", key: product.key }}
                watching={watching}
                action={watchAction}
              />
            )}
            <ButtonLink variant="secondary" href={`/releases?product=${product.key}`}>
              <ListFilter aria-hidden />
              {product.releaseCount} releases
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/timeline?product=${product.key}`}>
              <CalendarRange aria-hidden />
              Timeline
            </ButtonLink>
            {mayEdit && (
              <ProductDialog product={product} owners={owners} save={updateProductAction} />
            )}
          </>
        }
      />

      <ProductNews productName={product.name} news={news} feedUrl={notesFeedUrl} />

      <section aria-labelledby="owners-heading" className="space-y-2">
        <h2 id="owners-heading" className="text-base font-semibold text-fg">
          Owners
        </h2>
        {product.owners.length === 0 ? (
          <p className="text-sm text-muted">
            No owner yet: only administrators name this product&apos;s approvers.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {product.owners.map((owner) => (
              <li
                key={owner.id}
                className="rounded-md border border-border bg-surface px-3 py-1.5 text-sm shadow-xs"
              >
                <span className="font-medium text-fg">{owner.name}</span>{" "}
                <span className="text-muted">{owner.email}</span>
                {!owner.isActive && (
                  <Badge tone="warning" className="ml-2">
                    Deactivated
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <TrainSection
        product={product}
        train={train}
        mayKeep={mayEdit}
        mayRun={can(user.role, "releases.plan")}
        regions={listRegions()}
        defaultRegion={settings.defaultRegion}
        today={companyToday(settings.companyTimeZone)}
        actions={{ save: saveTrainAction, remove: removeTrainAction, plan: planTrainAction }}
      />

      {mayEdit && (
        <GitopsSection
          product={product}
          target={gitops}
          actions={{ save: saveGitopsAction, test: testGitopsAction, remove: removeGitopsAction }}
        />
      )}

      <section aria-labelledby="approvers-heading" className="space-y-3">
        <div>
          <h2 id="approvers-heading" className="text-base font-semibold text-fg">
            Who signs each stage
          </h2>
          <p className="text-sm text-muted">
            Where people are named, only they may sign that stage of {product.name}&apos;s releases
            (holding an allowed role). Elsewhere anyone with an allowed role signs.
            {!mayEdit && " Administrators and the product's owners name them."}
          </p>
        </div>
        <ol className="divide-y divide-border rounded-lg border border-border bg-surface shadow-xs">
          {STAGE_KEYS.map((stage) => {
            const rule = settings.stageRules[stage];
            const named = product.approvers[stage];
            const candidates = people.items.filter((person) =>
              rule.allowedRoles.includes(person.role),
            );
            return (
              <li
                key={stage}
                data-testid={`approvers-${stage}`}
                className="flex flex-wrap items-center gap-4 px-4 py-3"
              >
                <div className="flex w-52 items-center gap-2">
                  <StageChip stageKey={stage} status="SIGNED_OFF" size="md" />
                  <span className="text-sm font-medium text-fg">{STAGE_NAMES[stage]}</span>
                </div>
                <div className="min-w-0 flex-1 text-sm">
                  {named.length === 0 ? (
                    <span className="text-muted">
                      Any {rule.allowedRoles.map((role) => ROLE_NAMES[role]).join(" or ")}
                    </span>
                  ) : (
                    <span className="text-fg">
                      {named.map((person, index) => (
                        <span key={person.id}>
                          {index > 0 && ", "}
                          <span className={person.isActive ? "" : "text-muted line-through"}>
                            {person.name}
                          </span>
                        </span>
                      ))}
                    </span>
                  )}
                  <span className="text-muted">
                    {" "}
                    · {rule.approvalsRequired}{" "}
                    {rule.approvalsRequired === 1 ? "approval" : "approvals"}
                  </span>
                </div>
                {mayEdit && (
                  <ApproverEditor
                    productKey={product.key}
                    stage={stage}
                    current={named.map((person) => person.id)}
                    candidates={candidates}
                    setApprovers={setApproversAction}
                  />
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
