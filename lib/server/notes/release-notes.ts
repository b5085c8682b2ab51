import "server-only";

// A release's notes: read by anyone who may read the release, written by release managers (on the
// release page) and pipelines (a deploy token: Markdown or the commits), a draft until published by
// hand or at go-live. Each version written is kept in the audit trail.
import type { Prisma } from "@/generated/prisma/client";
import { renderMarkdown } from "@/lib/domain/markdown";
import { MAX_NOTES_BYTES, notesBytes, notesFromCommits } from "@/lib/domain/release-notes";
import type { AuditDraft } from "@/lib/domain/signoff";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import {
  MUTATION_TIMEOUTS,
  notFound,
  writeAuditEvents,
} from "@/lib/server/releases/mutate-release";
import type { ReleaseNotesDto } from "@/lib/types/notes";
import type { SessionUser } from "@/lib/types/user";
import type { NotesInput } from "@/lib/validation/notes";

const notesSelect = {
  releaseId: true,
  markdown: true,
  state: true,
  publishedAt: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true } },
} satisfies Prisma.ReleaseNotesSelect;

type NotesRow = Prisma.ReleaseNotesGetPayload<{ select: typeof notesSelect }>;

function toNotesDto(releaseId: string, row: NotesRow | null): ReleaseNotesDto {
  if (!row) {
    return {
      releaseId,
      markdown: "",
      html: "",
      state: "DRAFT",
      publishedAt: null,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    releaseId,
    markdown: row.markdown,
    html: renderMarkdown(row.markdown).html,
    state: row.state,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The notes of a release (empty draft when none were written); 404 for an unknown release. */
export async function getReleaseNotes(releaseId: string): Promise<ReleaseNotesDto> {
  const release = await getDb().release.findUnique({
    where: { id: releaseId },
    select: { notes: { select: notesSelect } },
  });
  if (!release) throw notFound();
  return toNotesDto(releaseId, release.notes);
}

/** The notes of a release locked for their change, which a cancelled release refuses. */
async function lockedNotes(tx: DbTransaction, releaseId: string): Promise<NotesRow | null> {
  const locked = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text FROM releases WHERE id = ${releaseId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  if (locked[0]!.status === "CANCELLED") {
    throw new AppError(
      "CONFLICT",
      "RELEASE_CLOSED",
      "This release is cancelled: its notes are kept as they are.",
    );
  }
  return tx.releaseNotes.findUnique({ where: { releaseId }, select: notesSelect });
}

/** Writes the notes (Markdown, or grouped from commits); over 200 KB is a 413. */
export async function putReleaseNotes(
  actor: SessionUser,
  releaseId: string,
  input: NotesInput,
): Promise<ReleaseNotesDto> {
  assertCan(actor.role, "releases.notes");
  const markdown = input.markdown ?? notesFromCommits(input.commits ?? []);
  if (notesBytes(markdown) > MAX_NOTES_BYTES) {
    throw new AppError(
      "TOO_LARGE",
      "PAYLOAD_TOO_LARGE",
      `Release notes are at most ${MAX_NOTES_BYTES / 1024} KB; these are ${Math.ceil(notesBytes(markdown) / 1024)} KB.`,
    );
  }
  return getDb().$transaction(async (tx) => {
    const current = await lockedNotes(tx, releaseId);
    if (current?.markdown === markdown) return toNotesDto(releaseId, current);
    const row = await tx.releaseNotes.upsert({
      where: { releaseId },
      create: { releaseId, markdown, updatedById: actor.id },
      update: { markdown, updatedById: actor.id },
      select: notesSelect,
    });
    await writeAuditEvents(tx, releaseId, actor.id, [
      {
        action: "RELEASE_NOTES_UPDATED",
        after: { markdown, source: input.commits ? "commits" : "markdown" },
      },
    ]);
    return toNotesDto(releaseId, row);
  }, MUTATION_TIMEOUTS);
}

/** Publishes the notes now (publishing published notes changes nothing). */
export async function publishReleaseNotes(
  actor: SessionUser,
  releaseId: string,
): Promise<ReleaseNotesDto> {
  assertCan(actor.role, "releases.notes");
  return getDb().$transaction(async (tx) => {
    const current = await lockedNotes(tx, releaseId);
    if (!current || !current.markdown.trim()) {
      throw new AppError(
        "CONFLICT",
        "NOTHING_TO_PUBLISH",
        "This release has no notes yet: write them (or push the commits) first.",
      );
    }
    if (current.state === "PUBLISHED") return toNotesDto(releaseId, current);
    const publishedAt = new Date();
    const row = await tx.releaseNotes.update({
      where: { releaseId },
      data: { state: "PUBLISHED", publishedAt },
      select: notesSelect,
    });
    await writeAuditEvents(tx, releaseId, actor.id, [
      {
        action: "RELEASE_NOTES_PUBLISHED",
        after: { publishedAt: publishedAt.toISOString(), markdown: row.markdown },
      },
    ]);
    return toNotesDto(releaseId, row);
  }, MUTATION_TIMEOUTS);
}

/**
 * At go-live, draft notes are published (in the go-live's transaction): the audit events to add.
 * Empty notes stay a draft: there is nothing to tell.
 */
export async function publishNotesAtGoLive(
  tx: DbTransaction,
  releaseId: string,
  events: readonly AuditDraft[],
): Promise<AuditDraft[]> {
  if (!events.some((event) => event.action === "RELEASE_LIVE")) return [];
  const draft = await tx.releaseNotes.findUnique({
    where: { releaseId },
    select: { state: true, markdown: true },
  });
  if (!draft || draft.state !== "DRAFT" || !draft.markdown.trim()) return [];
  const publishedAt = new Date();
  await tx.releaseNotes.update({
    where: { releaseId },
    data: { state: "PUBLISHED", publishedAt },
  });
  return [
    {
      action: "RELEASE_NOTES_PUBLISHED",
      comment: "Published at go-live.",
      after: { publishedAt: publishedAt.toISOString(), markdown: draft.markdown },
    },
  ];
}

/** A preview of Markdown as it will read (the release page's live preview). */
export function previewNotes(markdown: string): string {
  return renderMarkdown(markdown.slice(0, MAX_NOTES_BYTES)).html;
}
