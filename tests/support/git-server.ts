// A real Git server on loopback for the promotion tests: bare repositories served over smart HTTP
// by Debian's `git http-backend` (CGI) behind a small Node server with basic authentication.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type GitServer = {
  url: string;
  /** Creates a bare repository `name.git` with one commit of the given files on `branch`. */
  createRepository: (name: string, files: Record<string, string>, branch?: string) => string;
  /** A file of a branch as the server has it. */
  readFile: (name: string, file: string, branch?: string) => string;
  /** The commits of a branch, newest first: `%H%x00%B` each. */
  log: (name: string, branch?: string) => { sha: string; message: string }[];
  /** Commits a change straight into the bare repository (someone else pushing meanwhile). */
  commitDirectly: (name: string, file: string, content: string, branch?: string) => void;
  close: () => Promise<void>;
};

function git(args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync("git", args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      ...env,
    },
    encoding: "utf8",
  });
}

/** Starts the server; `credentials` are the only user and password it accepts. */
export async function startGitServer(credentials: {
  username: string;
  password: string;
}): Promise<GitServer> {
  const root = mkdtempSync(path.join(tmpdir(), "rc-git-"));
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;

  const server: Server = createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { "www-authenticate": 'Basic realm="git"' });
      response.end("Unauthorized");
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const cgi = spawn("git", ["http-backend"], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        REMOTE_USER: credentials.username,
        REQUEST_METHOD: request.method ?? "GET",
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers["content-type"] ?? "",
        CONTENT_LENGTH: request.headers["content-length"] ?? "",
        HTTP_CONTENT_ENCODING: request.headers["content-encoding"] ?? "",
        GIT_HTTP_MAX_REQUEST_BUFFER: "100M",
      },
    });
    request.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString("utf8").split("\r\n")) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number(value.split(" ")[0]);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end + 4));
    });
    cgi.stdout.on("end", () => response.end());
    cgi.on("error", () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const bare = (name: string) => path.join(root, `${name}.git`);
  return {
    url: `http://127.0.0.1:${port}`,
    createRepository(name, files, branch = "main") {
      const work = mkdtempSync(path.join(tmpdir(), "rc-git-work-"));
      git(["init", "-q", "-b", branch], work);
      for (const [file, content] of Object.entries(files)) {
        const target = path.join(work, file);
        execFileSync("mkdir", ["-p", path.dirname(target)]);
        writeFileSync(target, content);
      }
      git(["add", "."], work);
      git(["commit", "-q", "-m", "Initial values"], work);
      git(["clone", "-q", "--bare", work, bare(name)], root);
      git(["config", "http.receivepack", "true"], bare(name));
      rmSync(work, { recursive: true, force: true });
      return `http://127.0.0.1:${port}/${name}.git`;
    },
    readFile(name, file, branch = "main") {
      return git(["show", `${branch}:${file}`], bare(name));
    },
    log(name, branch = "main") {
      return git(["log", "--format=%H%x00%B%x01", branch], bare(name))
        .split("\x01")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [sha, message] = entry.split("\x00");
          return { sha: sha!, message: message!.trim() };
        });
    },
    commitDirectly(name, file, content, branch = "main") {
      const work = mkdtempSync(path.join(tmpdir(), "rc-git-work-"));
      git(["clone", "-q", "-b", branch, bare(name), work], root);
      writeFileSync(path.join(work, file), content);
      git(["commit", "-q", "-am", `Change ${file} by hand`], work);
      git(["push", "-q", "origin", branch], work);
      rmSync(work, { recursive: true, force: true });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
