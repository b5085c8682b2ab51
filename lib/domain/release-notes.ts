// Release notes from the commits of a release: grouped by the Conventional Commits convention
// (https://www.conventionalcommits.org) into breaking changes, features, fixes and other changes,
// one line per commit, linked to the commit when the pipeline gives its address. Merge commits are
// left out: the commits they merge are in the list themselves.
import { CommitParser } from "conventional-commits-parser";

export type CommitInput = { sha: string; message: string; url?: string | null };

/** Notes over this size are refused (413): they are read in emails and feeds. */
export const MAX_NOTES_BYTES = 200 * 1024;
/** A commit list longer than this is refused (400): a release is not a repository's history. */
export const MAX_COMMITS = 2000;

export const NOTE_GROUPS = ["breaking", "features", "fixes", "other"] as const;
export type NoteGroup = (typeof NOTE_GROUPS)[number];

export const NOTE_GROUP_TITLES: Record<NoteGroup, string> = {
  breaking: "Breaking changes",
  features: "Features",
  fixes: "Fixes",
  other: "Other changes",
};

export type NoteLine = {
  group: NoteGroup;
  scope: string | null;
  text: string;
  sha: string;
  url: string | null;
};

const parser = new CommitParser({
  // `feat!: …` and `feat(api)!: …` are breaking changes as much as a BREAKING CHANGE footer.
  breakingHeaderPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?!: (.*)$/,
  mergePattern: /^Merge (?:pull request|branch|remote-tracking branch|tag) .*$/,
});

/** The first line of a message, for commits that follow no convention. */
function firstLine(message: string): string {
  return message.trim().split(/\r?\n/)[0]!.trim();
}

/** The line a commit gives the notes, or null for merge commits and empty messages. */
export function noteLineOf(commit: CommitInput): NoteLine | null {
  const message = commit.message.trim();
  if (!message) return null;
  const parsed = parser.parse(message);
  if (parsed.merge) return null;
  const base = { sha: commit.sha, url: commit.url ?? null, scope: parsed.scope ?? null };
  const type = parsed.type?.toLowerCase() ?? null;
  const subject = parsed.subject?.trim() || firstLine(message);
  const breaking = parsed.notes.find((note) => /^BREAKING[ -]CHANGE$/.test(note.title));
  if (breaking) {
    // The footer says what breaks; a `!` header alone repeats the subject as the note.
    const text = breaking.text.trim() && breaking.text.trim() !== subject ? breaking.text : subject;
    return { ...base, group: "breaking", text: text.trim().replace(/\s*\n\s*/g, " ") };
  }
  if (type === "feat") return { ...base, group: "features", text: subject };
  if (type === "fix") return { ...base, group: "fixes", text: subject };
  return { ...base, group: "other", text: subject };
}

/** Characters that would start Markdown syntax in a line of text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

function renderLine(line: NoteLine): string {
  const scope = line.scope ? `**${escapeMarkdown(line.scope)}:** ` : "";
  const short = line.sha.slice(0, 7);
  const link = line.url
    ? ` ([${short}](${line.url.replace(/[()\s]/g, encodeURIComponent)}))`
    : ` (${short})`;
  return `- ${scope}${escapeMarkdown(line.text)}${link}`;
}

/** Markdown notes from a release's commits, groups in a fixed order, commits in the given order. */
export function notesFromCommits(commits: readonly CommitInput[]): string {
  const lines = commits.map(noteLineOf).filter((line): line is NoteLine => line !== null);
  const sections = NOTE_GROUPS.flatMap((group) => {
    const inGroup = lines.filter((line) => line.group === group);
    if (inGroup.length === 0) return [];
    return [`### ${NOTE_GROUP_TITLES[group]}\n\n${inGroup.map(renderLine).join("\n")}`];
  });
  return sections.length > 0 ? `${sections.join("\n\n")}\n` : "";
}

/** The size that counts against MAX_NOTES_BYTES. */
export function notesBytes(markdown: string): number {
  return new TextEncoder().encode(markdown).length;
}
