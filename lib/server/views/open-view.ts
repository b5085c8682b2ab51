import "server-only";

import { readGrouping } from "@/lib/domain/grouping";
import { requireUser } from "@/lib/server/auth/session";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { readTimeWindow, readViewFilters, type SearchParams } from "@/lib/validation/view-filters";

/**
 * What every filtered view starts with: the signed-in person, the address and its filters, the
 * settings and the company's today.
 */
export async function openView(searchParams: Promise<SearchParams>) {
  const [user, params, settings] = await Promise.all([
    requireUser(),
    searchParams,
    getPlanningSettings(),
  ]);
  const today = companyToday(settings.companyTimeZone);
  return { user, params, settings, today, ...readViewFilters(params) };
}

/** A view over a time window (timeline, environments): also its zoom, range and grouping. */
export async function openWindowView(searchParams: Promise<SearchParams>) {
  const view = await openView(searchParams);
  const { zoom, range, keep: window } = readTimeWindow(view.params, view.today);
  const group = readGrouping(view.params.group);
  return { ...view, zoom, range, window, group, keep: { ...window, group } };
}
