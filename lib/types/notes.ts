// Release notes, watches and what stakeholders read of a product, as the API answers them.
import type { IsoDate } from "@/lib/domain/dates";
import type { ReleaseStatus } from "@/lib/domain/stages";

export type ReleaseNotesDto = {
  releaseId: string;
  markdown: string;
  /** The Markdown rendered to sanitised HTML (lib/domain/markdown.ts). */
  html: string;
  state: "DRAFT" | "PUBLISHED";
  publishedAt: string | null;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
};

/** Published notes of a product's release (the change log, the feed, "Coming and shipped"). */
export type PublishedNotesDto = {
  releaseId: string;
  name: string;
  version: string;
  goLive: IsoDate;
  status: ReleaseStatus;
  publishedAt: string;
  markdown: string;
  html: string;
};

export type WatchDto = {
  kind: "product" | "release";
  createdAt: string;
  product: { key: string; name: string } | null;
  release: { id: string; name: string; version: string; forecastGoLive: IsoDate } | null;
};

export type WatchesDto = {
  watches: WatchDto[];
  slipThresholdWorkingDays: number;
};

/** Whether the caller watches a release (directly or through its product). */
export type WatchStateDto = { release: boolean; product: boolean };

/** "Coming and shipped" on a product page. */
export type ProductNewsDto = {
  coming: {
    id: string;
    name: string;
    version: string;
    status: ReleaseStatus;
    forecastGoLive: IsoDate;
    atRisk: boolean;
    slipWorkingDays: number;
    /** Its notes, when already published (sanitised HTML). */
    notesHtml: string | null;
  }[];
  shipped: PublishedNotesDto[];
};
