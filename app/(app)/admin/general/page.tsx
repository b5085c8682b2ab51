import type { Metadata } from "next";

import { listRegions } from "@/lib/domain/holidays";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

import { GeneralSettingsForm } from "./general-settings-form";

export const metadata: Metadata = { title: "General settings" };

export default async function GeneralSettingsPage() {
  const settings = await getPlanningSettings();
  return (
    <GeneralSettingsForm
      regions={listRegions()}
      timeZones={Intl.supportedValuesOf("timeZone")}
      defaultRegion={settings.defaultRegion}
      companyTimeZone={settings.companyTimeZone}
      capacity={settings.capacity}
    />
  );
}
