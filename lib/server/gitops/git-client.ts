import "server-only";

// Git over smart HTTP with isomorphic-git (no git binary in the image): every request goes through
// `outboundFetch`, so a repository host on loopback or a private network is refused like a webhook
// target (the address connected to is the address checked). Each promotion works in a fresh
// temporary clone of one branch, one commit deep, removed afterwards.
import fs from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import * as git from "isomorphic-git";

import { setYamlValues, type ValueEdit, YamlEditError } from "@/lib/domain/yaml-values";
import { outboundFetch } from "@/lib/server/notifications/url-guard";

export type GitRemote = {
  url: string;
  branch: string;
  username: string | null;
  token: string | null;
};

export type PromotionWrite = {
  file: string;
  edits: ValueEdit[];
  message: string;
  author: { name: string; email: string };
};

export type PromotionOutcome =
  { state: "PUSHED"; commit: string; attempts: number } | { state: "UNCHANGED"; commit: string };

/** Why Git work failed, in words a release manager can act on (never the token). */
export class GitWorkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitWorkError";
  }
}

async function collect(
  body: AsyncIterableIterator<Uint8Array> | undefined,
): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** isomorphic-git's HTTP client on the app's guarded fetch. */
const http: git.HttpClient = {
  async request({ url, method = "GET", headers = {}, body }) {
    const response = await outboundFetch(url, {
      method,
      headers,
      body: await collect(body as AsyncIterableIterator<Uint8Array> | undefined),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      url,
      method,
      statusCode: response.status,
      statusMessage: response.statusText,
      headers: Object.fromEntries(response.headers),
      body: (async function* () {
        yield bytes;
      })(),
    };
  },
};

function auth(remote: GitRemote) {
  return remote.token || remote.username
    ? () => ({ username: remote.username || "x-access-token", password: remote.token ?? "" })
    : undefined;
}

/** A Git error in words; the token never appears (it is only ever in the auth callback). */
function explain(error: unknown, remote: GitRemote): GitWorkError {
  if (error instanceof GitWorkError) return error;
  if (error instanceof YamlEditError) return new GitWorkError(error.message);
  const problem = error as { code?: string; data?: { statusCode?: number }; message?: string };
  const status = problem.data?.statusCode;
  if (status === 401 || status === 403) return new GitWorkError("authentication refused");
  if (problem.code === "URL_NOT_ALLOWED")
    return new GitWorkError(problem.message ?? "address refused");
  if (problem.code === "NotFoundError" || problem.code === "NoRefspecError") {
    return new GitWorkError(`branch ${remote.branch} not found`);
  }
  if (status) return new GitWorkError(`the Git server answered ${status}`);
  return new GitWorkError(`Git failed: ${(problem.message ?? String(error)).slice(0, 300)}`);
}

/** "Test connection": the branch's head commit, or why it cannot be read. */
export async function readBranchHead(remote: GitRemote): Promise<string> {
  try {
    const refs = await git.listServerRefs({
      http,
      url: remote.url,
      prefix: `refs/heads/${remote.branch}`,
      onAuth: auth(remote),
    });
    const head = refs.find((ref) => ref.ref === `refs/heads/${remote.branch}`);
    if (!head) throw new GitWorkError(`branch ${remote.branch} not found`);
    return head.oid;
  } catch (error) {
    throw explain(error, remote);
  }
}

function isRejectedPush(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "PushRejectedError" || code === "GitPushError";
}

/** The most times a push refused because the branch moved is tried again (fetch, re-apply). */
export const PUSH_ATTEMPTS = 4;

/**
 * Sets the values in the file on the branch and pushes one commit; when the branch moved meanwhile
 * it starts again from the new head. A file that already holds the values writes nothing.
 */
export async function writePromotion(
  remote: GitRemote,
  change: PromotionWrite,
  hooks: { beforePush?: (attempt: number) => Promise<void> } = {},
): Promise<PromotionOutcome> {
  for (let attempt = 1; ; attempt++) {
    const dir = await mkdtemp(path.join(tmpdir(), "rc-promotion-"));
    try {
      await git.clone({
        fs,
        http,
        dir,
        url: remote.url,
        ref: remote.branch,
        singleBranch: true,
        depth: 1,
        noTags: true,
        onAuth: auth(remote),
      });
      const target = path.join(dir, change.file);
      if (!path.resolve(target).startsWith(path.resolve(dir) + path.sep)) {
        throw new GitWorkError(`${change.file} is outside the repository`);
      }
      let text: string;
      try {
        text = await readFile(target, "utf8");
      } catch {
        throw new GitWorkError(`${change.file} not found on ${remote.branch}`);
      }
      const edited = setYamlValues(text, change.edits, change.file);
      const head = await git.resolveRef({ fs, dir, ref: "HEAD" });
      if (!edited.changed) return { state: "UNCHANGED", commit: head };
      await writeFile(target, edited.text);
      await git.add({ fs, dir, filepath: change.file });
      const commit = await git.commit({
        fs,
        dir,
        message: change.message,
        author: change.author,
      });
      await hooks.beforePush?.(attempt);
      try {
        const result = await git.push({
          fs,
          http,
          dir,
          url: remote.url,
          ref: remote.branch,
          onAuth: auth(remote),
        });
        if (!result.ok)
          throw Object.assign(new Error(result.error ?? "push refused"), { code: "GitPushError" });
        return { state: "PUSHED", commit, attempts: attempt };
      } catch (error) {
        if (isRejectedPush(error) && attempt < PUSH_ATTEMPTS) continue;
        if (isRejectedPush(error)) {
          throw new GitWorkError(`the branch kept moving: ${PUSH_ATTEMPTS} pushes refused`);
        }
        throw error;
      }
    } catch (error) {
      throw explain(error, remote);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
