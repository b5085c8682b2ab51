import type { Metadata } from "next";

import { listRegions } from "@/lib/domain/holidays";
import { defaultProductKey, listProductOptions } from "@/lib/server/products/products";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

import { GeneralSettingsForm } from "./general-settings-form";

export const metadata: Metadata = { title: "General settings" };

export default async function GeneralSettingsPage() {
  const [settings, products, defaultProduct] = await Promise.all([
    getPlanningSettings(),
    listProductOptions(),
    defaultProductKey(),
  ]);
  return (
    <GeneralSettingsForm
      observationWorkingDays={settings.observationWorkingDays}
      products={products}
      defaultProduct={defaultProduct}
      regions={listRegions()}
      timeZones={Intl.supportedValuesOf("timeZone")}
      defaultRegion={settings.defaultRegion}
      companyTimeZone={settings.companyTimeZone}
      capacity={settings.capacity}
    />
  );
}
