import type { Metadata } from "next";

import { listRegions } from "@/lib/domain/holidays";
import type { CalendarPeriodKind } from "@/lib/domain/settings";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

import { PeriodForm } from "./period-form";
import { PeriodTable } from "./period-table";

export const metadata: Metadata = { title: "Company calendar" };

const SECTIONS: { kind: CalendarPeriodKind; title: string; description: string }[] = [
  {
    kind: "NON_WORKING",
    title: "Non-working periods",
    description: "The office is closed: these days are not working days, like public holidays.",
  },
  {
    kind: "FREEZE",
    title: "Freeze windows",
    description:
      "Work goes on, but no go-live may be planned inside. Plans move out of them and say why.",
  },
];

type SearchParams = Promise<{ edit?: string }>;

export default async function CalendarSettingsPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const { edit } = await searchParams;
  const settings = await getPlanningSettings();
  const editing = settings.periods.find((period) => period.id === edit);
  const regions = listRegions();
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="space-y-8">
        {SECTIONS.map((section) => (
          <section
            key={section.kind}
            aria-labelledby={`${section.kind}-heading`}
            className="space-y-3"
          >
            <div>
              <h2 id={`${section.kind}-heading`} className="text-base font-semibold text-fg">
                {section.title}
              </h2>
              <p className="text-sm text-muted">{section.description}</p>
            </div>
            <PeriodTable
              periods={settings.periods.filter((period) => period.kind === section.kind)}
              kind={section.kind}
            />
          </section>
        ))}
      </div>
      <aside className="h-fit rounded-xl border border-border bg-surface p-5 shadow-xs">
        <h2 className="text-base font-semibold text-fg">
          {editing ? `Edit '${editing.name}'` : "Add a period"}
        </h2>
        <PeriodForm key={editing?.id ?? "new"} period={editing} regions={regions} />
      </aside>
    </div>
  );
}
