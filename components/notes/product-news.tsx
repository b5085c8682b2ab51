import { Rss } from "lucide-react";
import Link from "next/link";

import { formatDisplayDate } from "@/lib/domain/dates";
import type { ProductNewsDto } from "@/lib/types/notes";

import { AtRiskBadge, ReleaseStatusBadge } from "../releases/release-status-badge";
import { CopyField } from "../ui/copy-field";

import { NotesHtml } from "./notes-html";

/**
 * "Coming and shipped": what stakeholders of a product read — the next go-lives with their status
 * and risk, the last releases shipped with their notes, and the notes' Atom feed.
 */
export function ProductNews({
  productName,
  news,
  feedUrl,
}: {
  productName: string;
  news: ProductNewsDto;
  /** The product's Atom feed with the reader's personal feed token. */
  feedUrl: string;
}) {
  return (
    <section aria-labelledby="news-heading" className="space-y-3">
      <div>
        <h2 id="news-heading" className="text-base font-semibold text-fg">
          Coming and shipped
        </h2>
        <p className="text-sm text-muted">
          The next go-lives of {productName} and what the last releases brought.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="rounded-lg border border-border bg-surface shadow-xs">
          <h3 className="border-b border-border px-4 py-2.5 text-sm font-semibold text-fg">
            Coming
          </h3>
          {news.coming.length === 0 ? (
            <p className="px-4 py-6 text-sm text-muted">No release is on its way.</p>
          ) : (
            <ol className="divide-y divide-border" aria-label="Coming go-lives">
              {news.coming.map((release) => (
                <li
                  key={release.id}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3"
                >
                  <div className="min-w-0 flex-1">
                    <Link
                      href={`/releases/${release.id}`}
                      className="font-medium text-fg hover:text-accent hover:underline"
                    >
                      {release.name}
                    </Link>{" "}
                    <span className="font-mono text-xs text-muted">{release.version}</span>
                    <div className="text-xs text-muted tabular">
                      Go-live {formatDisplayDate(release.forecastGoLive)}
                    </div>
                  </div>
                  <div className="flex items-center gap-1.5">
                    {release.atRisk && <AtRiskBadge slipWorkingDays={release.slipWorkingDays} />}
                    <ReleaseStatusBadge status={release.status} />
                  </div>
                  {release.notesHtml && (
                    <details className="group w-full">
                      <summary className="cursor-pointer text-sm font-medium text-accent hover:underline">
                        What&apos;s new
                      </summary>
                      <NotesHtml html={release.notesHtml} className="mt-2" />
                    </details>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="rounded-lg border border-border bg-surface shadow-xs">
          <h3 className="border-b border-border px-4 py-2.5 text-sm font-semibold text-fg">
            Shipped
          </h3>
          {news.shipped.length === 0 ? (
            <p className="px-4 py-6 text-sm text-muted">Nothing has shipped yet.</p>
          ) : (
            <ol className="divide-y divide-border" aria-label="Shipped releases">
              {news.shipped.map((release) => (
                <li key={release.releaseId} className="space-y-2 px-4 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link
                      href={`/releases/${release.releaseId}`}
                      className="font-medium text-fg hover:text-accent hover:underline"
                    >
                      {release.name} <span className="font-mono text-xs">{release.version}</span>
                    </Link>
                    <span className="text-xs text-muted tabular">
                      Live since {formatDisplayDate(release.goLive)}
                    </span>
                  </div>
                  {release.html ? (
                    <NotesHtml html={release.html} />
                  ) : (
                    <p className="text-sm text-muted">No notes were published.</p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      <div className="max-w-2xl space-y-1.5">
        <p className="flex items-center gap-1.5 text-sm text-muted">
          <Rss aria-hidden className="size-4" />
          The notes as a feed (Atom), for a feed reader or a chat channel. The address holds your
          personal feed key: keep it to yourself.
        </p>
        <CopyField id="notes-feed" label="Address of the release notes feed" value={feedUrl} />
      </div>
    </section>
  );
}
