import type { Metadata } from "next";

import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

import { StageSettingsForm } from "./stage-settings-form";

export const metadata: Metadata = { title: "Stage settings" };

export default async function StageSettingsPage() {
  const settings = await getPlanningSettings();
  return <StageSettingsForm durations={settings.durations} rules={settings.stageRules} />;
}
