import "server-only";

import { listRegions } from "@/lib/domain/holidays";
import type { PlanningSettings } from "@/lib/domain/settings";
import { defaultProductKey, listProductOptions } from "@/lib/server/products/products";
import { companyToday } from "@/lib/server/today";

/** What the release form offers: regions, products and their defaults, and today. */
export async function releaseFormOptions(settings: PlanningSettings) {
  const [products, defaultProduct] = await Promise.all([listProductOptions(), defaultProductKey()]);
  return {
    regions: listRegions(),
    defaultRegion: settings.defaultRegion,
    products,
    defaultProduct,
    today: companyToday(settings.companyTimeZone),
  };
}
