import "server-only";

// What stakeholders read of a product: its published notes (the change log across releases, the
// Atom feed) and "Coming and shipped" (the next go-lives, the last releases shipped with notes).
import { Feed } from "feed";

import type { IsoDate } from "@/lib/domain/dates";
import { renderMarkdown } from "@/lib/domain/markdown";
import { UNDER_WAY_STATUSES } from "@/lib/domain/release-status";
import { getDb } from "@/lib/server/db/client";
import { productOf } from "@/lib/server/products/managed-product";
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, toReleaseDto } from "@/lib/server/releases/release-dto";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { ProductNewsDto, PublishedNotesDto } from "@/lib/types/notes";
import type { ReleaseDto } from "@/lib/types/release";

/** How many go-lives "Coming and shipped" shows of each. */
const NEWS_SIZE = 6;

/** A release with its published notes (empty when it has none). */
function notesOfRelease(
  release: ReleaseDto,
  notes: { markdown: string; publishedAt: Date | null } | null,
): PublishedNotesDto {
  return {
    releaseId: release.id,
    name: release.name,
    version: release.version,
    goLive: release.forecastGoLive,
    status: release.status,
    publishedAt: notes?.publishedAt?.toISOString() ?? "",
    markdown: notes?.markdown ?? "",
    html: notes ? renderMarkdown(notes.markdown).html : "",
  };
}

/** Published notes of a product, newest go-live first (within a period of go-lives, if given). */
export async function publishedNotesOf(
  productKey: string,
  period: { from?: IsoDate; to?: IsoDate } = {},
): Promise<PublishedNotesDto[]> {
  const product = await productOf(getDb(), productKey);
  const [rows, settings] = await Promise.all([
    getDb().release.findMany({
      where: { productId: product.id, notes: { state: "PUBLISHED" } },
      select: { ...releaseSelect, notes: { select: { markdown: true, publishedAt: true } } },
    }),
    getPlanningSettings(),
  ]);
  const context = releaseContext(settings);
  return rows
    .map((row) => notesOfRelease(toReleaseDto(row, context), row.notes))
    .filter(
      (notes) =>
        (!period.from || notes.goLive >= period.from) && (!period.to || notes.goLive <= period.to),
    )
    .sort((a, b) => b.goLive.localeCompare(a.goLive) || b.publishedAt.localeCompare(a.publishedAt));
}

/** The next go-lives of a product (under way, soonest first) and the last ones shipped. */
export async function productNews(productKey: string): Promise<ProductNewsDto> {
  const product = await productOf(getDb(), productKey);
  const [underWay, live, settings] = await Promise.all([
    getDb().release.findMany({
      where: { productId: product.id, status: { in: [...UNDER_WAY_STATUSES] } },
      select: { ...releaseSelect, notes: { select: { markdown: true, state: true } } },
    }),
    getDb().release.findMany({
      where: { productId: product.id, status: "LIVE" },
      select: {
        ...releaseSelect,
        notes: { select: { markdown: true, state: true, publishedAt: true } },
      },
    }),
    getPlanningSettings(),
  ]);
  const context = releaseContext(settings);
  const coming = underWay
    .map((row) => ({ row, release: toReleaseDto(row, context) }))
    .sort((a, b) => a.release.forecastGoLive.localeCompare(b.release.forecastGoLive))
    .slice(0, NEWS_SIZE)
    .map(({ row, release }) => ({
      id: release.id,
      name: release.name,
      version: release.version,
      status: release.status,
      forecastGoLive: release.forecastGoLive,
      atRisk: release.atRisk,
      slipWorkingDays: release.slipWorkingDays,
      notesHtml: row.notes?.state === "PUBLISHED" ? renderMarkdown(row.notes.markdown).html : null,
    }));
  const shipped = live
    .map((row) => ({ row, release: toReleaseDto(row, context) }))
    .sort((a, b) => b.release.forecastGoLive.localeCompare(a.release.forecastGoLive))
    .slice(0, NEWS_SIZE)
    .map(({ row, release }) =>
      notesOfRelease(release, row.notes?.state === "PUBLISHED" ? row.notes : null),
    );
  return { coming, shipped };
}

/** The Atom 1.0 feed of a product's published notes (the newest 50). */
export async function productNotesFeed(productKey: string, origin: string): Promise<string> {
  const product = await productOf(getDb(), productKey);
  const notes = (await publishedNotesOf(productKey)).slice(0, 50);
  const productUrl = `${origin}/products/${encodeURIComponent(product.key)}`;
  const feed = new Feed({
    id: `${productUrl}#notes`,
    title: `${product.name} — release notes`,
    description: `What each release of ${product.name} brings, as published in Release Calendar.`,
    link: productUrl,
    updated:
      notes.length > 0
        ? new Date(Math.max(...notes.map((n) => Date.parse(n.publishedAt))))
        : new Date(0),
    generator: "Release Calendar",
    copyright: "",
    author: { name: "Release Calendar" },
  });
  for (const entry of notes) {
    const url = `${origin}/releases/${entry.releaseId}`;
    feed.addItem({
      id: `urn:uuid:${entry.releaseId}`,
      title: `${entry.name} ${entry.version}`,
      link: url,
      date: new Date(entry.publishedAt),
      published: new Date(entry.publishedAt),
      description: `${entry.status === "LIVE" ? "Live since" : "Goes live"} ${entry.goLive}.`,
      content: entry.html,
    });
  }
  return feed.atom1();
}
