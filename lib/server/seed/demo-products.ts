// The demo portfolio's products: who owns each, and where a product names its approvers.
import "server-only";

import type { DemoUserKey } from "@/lib/demo-users";
import type { StageKey } from "@/lib/domain/stages";

export type DemoProduct = {
  key: string;
  name: string;
  description: string;
  owners: DemoUserKey[];
  /** The artifact repositories whose releases belong to the product (`repo:tag`). */
  repositories: string[];
  /** Named approvers per stage; stages not listed follow the role rule. */
  approvers?: Partial<Record<StageKey, DemoUserKey[]>>;
};

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    key: "payments-api",
    name: "Payments API",
    description: "Card, SEPA and wallet payments for every channel; PCI DSS scope.",
    owners: ["rm"],
    repositories: ["payments-api"],
    // PCI scope: only the payments QA tests and signs the functional stages.
    approvers: { TEST: ["qa"], LAST: ["qa"], INT: ["qa"] },
  },
  {
    key: "customer-portal",
    name: "Customer Portal",
    description: "The customers' self-service web portal.",
    owners: ["rm", "rm2"],
    repositories: ["portal-web"],
  },
  {
    key: "mobile-backend",
    name: "Mobile Backend",
    description: "The backend-for-frontend of the iOS and Android apps.",
    owners: ["rm2"],
    repositories: ["mobile-bff"],
  },
  {
    key: "search",
    name: "Search Service",
    description: "Product and content search.",
    owners: ["rm2"],
    repositories: ["search-svc"],
  },
  {
    key: "billing",
    name: "Billing Engine",
    description: "Tariffs, invoices and the monthly billing run.",
    owners: ["rm"],
    repositories: ["billing-engine"],
  },
  {
    key: "partner-gateway",
    name: "Partner Gateway",
    description: "APIs and webhooks for partners and resellers.",
    owners: ["rm"],
    repositories: ["partner-gateway"],
  },
  {
    key: "identity",
    name: "Identity Provider",
    description: "Sign-in for customers, staff and partners.",
    owners: ["rm2"],
    repositories: ["idp"],
  },
  {
    key: "data-platform",
    name: "Data & Reporting",
    description: "The data warehouse feeds and the controlling reports.",
    owners: ["rm2", "rm"],
    repositories: ["reporting", "dwh-sync"],
  },
];

/** The product a demo release belongs to, from its artifact repository. */
export function demoProductOf(version: string): DemoProduct {
  const repository = version.split(":")[0]!;
  const product = DEMO_PRODUCTS.find((p) => p.repositories.includes(repository));
  if (!product) throw new Error(`No demo product for ${version}`);
  return product;
}
