import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { formatInstant } from "@/lib/domain/wall-clock";
import { listProductOptions } from "@/lib/server/products/products";
import { companyToday } from "@/lib/server/today";
import { listExceptions } from "@/lib/server/windows/exceptions";
import { listWindows } from "@/lib/server/windows/windows";

import { WindowForm } from "./window-form";
import { WindowTable } from "./window-table";

export const metadata: Metadata = { title: "Deployment windows" };

type SearchParams = Promise<{ edit?: string }>;

const EXPORTS = [
  { format: "argocd", label: "Argo CD" },
  { format: "gitlab", label: "GitLab" },
  { format: "ics", label: "iCalendar" },
] as const;

export default async function WindowsPage({ searchParams }: { searchParams: SearchParams }) {
  const { edit } = await searchParams;
  const [{ windows, freezes, timeZone }, products, waiting] = await Promise.all([
    listWindows(),
    listProductOptions(),
    listExceptions({ state: "REQUESTED" }),
  ]);
  const editing = windows.find((window) => window.id === edit);
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="space-y-8">
        <section aria-labelledby="windows-heading" className="space-y-3">
          <div>
            <h2 id="windows-heading" className="text-base font-semibold text-fg">
              Deployment windows
            </h2>
            <p className="text-sm text-muted">
              When pipelines and Argo CD may deploy, as the gate answers them. Deny windows close
              it; where allow windows exist, it opens only inside them. Times are wall-clock times
              in {timeZone}: a daylight-saving change does not move them.
            </p>
          </div>
          <WindowTable windows={windows} />
          {freezes.length > 0 && (
            <p className="text-sm text-muted">
              The freeze windows of the{" "}
              <Link href="/admin/calendar" className="text-accent underline">
                company calendar
              </Link>{" "}
              close PROD too, whole days: {freezes.map((freeze) => freeze.name).join(", ")}.
            </p>
          )}
        </section>

        <section aria-labelledby="exceptions-heading" className="space-y-3">
          <div>
            <h2 id="exceptions-heading" className="text-base font-semibold text-fg">
              Exceptions waiting for a decision
            </h2>
            <p className="text-sm text-muted">
              Asked by release managers for one release, one environment and a few hours. Decide on
              the release&apos;s page: never the person who asked.
            </p>
          </div>
          {waiting.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-4 text-center text-sm text-muted">
              No exception is waiting.
            </p>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-surface shadow-xs">
              {waiting.map((exception) => (
                <li
                  key={exception.id}
                  data-testid="waiting-exception"
                  className="px-4 py-3 text-sm"
                >
                  <p className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/releases/${exception.release.id}#gate-heading`}
                      className="font-medium text-accent hover:underline"
                    >
                      {exception.release.name}
                    </Link>
                    <Badge tone="warning">{exception.environment}</Badge>
                    <span className="text-muted">
                      {formatInstant(exception.from, timeZone)} →{" "}
                      {formatInstant(exception.to, timeZone)} · asked by{" "}
                      {exception.requestedBy.name}
                    </span>
                  </p>
                  <p className="mt-0.5 text-muted">{exception.reason}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="exports-heading" className="space-y-3">
          <div>
            <h2 id="exports-heading" className="text-base font-semibold text-fg">
              Exports
            </h2>
            <p className="text-sm text-muted">
              For tools that enforce windows themselves, so they never drift from the calendar: an
              Argo CD AppProject with its sync windows, GitLab freeze periods, or a calendar.
            </p>
          </div>
          <div className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs">
            <table className="w-full text-sm">
              <tbody className="divide-y divide-border">
                {STAGE_KEYS.map((key) => (
                  <tr key={key}>
                    <th scope="row" className="w-24 px-4 py-2 text-left font-medium text-fg">
                      {key}
                    </th>
                    <td className="px-4 py-2">
                      <span className="flex flex-wrap gap-x-4 gap-y-1">
                        {EXPORTS.map(({ format, label }) => (
                          <a
                            key={format}
                            href={`/api/windows/export?format=${format}&environment=${key}`}
                            className="text-accent hover:underline"
                          >
                            {label}
                          </a>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <aside className="h-fit rounded-xl border border-border bg-surface p-5 shadow-xs">
        <h2 className="text-base font-semibold text-fg">
          {editing ? `Edit '${editing.name}'` : "Add a window"}
        </h2>
        <WindowForm
          key={editing?.id ?? "new"}
          window={editing}
          products={products}
          today={companyToday(timeZone)}
        />
      </aside>
    </div>
  );
}
