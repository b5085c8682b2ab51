// The Git client against a real Git server on loopback (git http-backend behind basic auth): the
// commit lands with its content and message and the file's comments survive; a re-run writes
// nothing; wrong credentials and a missing key fail with a reason and push nothing; two writers
// racing for one branch both land; a private address is refused unless allowed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resetEnvCache } from "@/lib/env";
import { readBranchHead, writePromotion } from "@/lib/server/gitops/git-client";

import { startGitServer, type GitServer } from "../support/git-server";

const VALUES = `# LAST values — promoted by Release Calendar
image:
  repository: registry.example.com/payments-api  # registry
  tag: "3.3.0"
`;
const CREDENTIALS = { username: "calendar", password: "s3cret-token-value" };
let server: GitServer;

beforeAll(async () => {
  // The Git server is on loopback, which production refuses unless told otherwise.
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  resetEnvCache();
  server = await startGitServer(CREDENTIALS);
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  resetEnvCache();
  await server.close();
});

const remote = (url: string, token = CREDENTIALS.password) => ({
  url,
  branch: "main",
  username: CREDENTIALS.username,
  token,
});
const change = (tag: string, file = "envs/last/values.yaml") => ({
  file,
  edits: [{ key: "image.tag", value: tag }],
  message: `Promote Payments API ${tag} to LAST\n\nRelease-Id: r-1\nApproved-by: Quinn Adler <qa@demo.local>`,
  author: { name: "Release Calendar", email: "calendar@example.com" },
});

describe("the Git client", () => {
  it("reads the branch head, and says when the branch or the credentials are wrong", async () => {
    const url = server.createRepository("head", { "envs/last/values.yaml": VALUES });
    expect(await readBranchHead(remote(url))).toBe(server.log("head")[0]!.sha);
    await expect(readBranchHead({ ...remote(url), branch: "nope" })).rejects.toThrow(
      "branch nope not found",
    );
    await expect(readBranchHead(remote(url, "wrong"))).rejects.toThrow("authentication refused");
  });

  it("commits the value with its message, keeping the comments; a re-run writes nothing", async () => {
    const url = server.createRepository("values", { "envs/last/values.yaml": VALUES });
    const pushed = await writePromotion(remote(url), change("3.4.0"));
    expect(pushed).toMatchObject({ state: "PUSHED", attempts: 1 });
    const [head] = server.log("values");
    expect(head!.sha).toBe(pushed.commit);
    expect(head!.message).toContain("Promote Payments API 3.4.0 to LAST");
    expect(head!.message).toContain("Approved-by: Quinn Adler <qa@demo.local>");
    expect(server.readFile("values", "envs/last/values.yaml")).toBe(
      VALUES.replace('"3.3.0"', '"3.4.0"'),
    );
    const again = await writePromotion(remote(url), change("3.4.0"));
    expect(again).toEqual({ state: "UNCHANGED", commit: pushed.commit });
    expect(server.log("values")).toHaveLength(2);
  });

  it("fails with the reason and pushes nothing for wrong credentials, a missing key or file", async () => {
    const url = server.createRepository("failing", { "envs/last/values.yaml": VALUES });
    await expect(writePromotion(remote(url, "wrong"), change("3.4.0"))).rejects.toThrow(
      "authentication refused",
    );
    await expect(
      writePromotion(remote(url), {
        ...change("3.4.0"),
        edits: [{ key: "image.version", value: "x" }],
      }),
    ).rejects.toThrow("key image.version not found in envs/last/values.yaml");
    await expect(
      writePromotion(remote(url), change("3.4.0", "envs/int/values.yaml")),
    ).rejects.toThrow("envs/int/values.yaml not found on main");
    await expect(writePromotion(remote(url), change("3.4.0", "../outside.yaml"))).rejects.toThrow(
      /outside the repository|not found/,
    );
    expect(server.log("failing")).toHaveLength(1);
  });

  it("lands two promotions racing for one branch: the second fetches again and re-applies", async () => {
    const url = server.createRepository("race", {
      "envs/last/values.yaml": VALUES,
      "envs/int/values.yaml": VALUES.replace("LAST", "INT"),
    });
    const [last, int] = await Promise.all([
      writePromotion(remote(url), change("3.4.0")),
      writePromotion(remote(url), change("3.3.5", "envs/int/values.yaml")),
    ]);
    expect(last.state).toBe("PUSHED");
    expect(int.state).toBe("PUSHED");
    expect(server.log("race")).toHaveLength(3);
    expect(server.readFile("race", "envs/last/values.yaml")).toContain('tag: "3.4.0"');
    expect(server.readFile("race", "envs/int/values.yaml")).toContain('tag: "3.3.5"');
  });

  it("starts again from the new head when someone else pushed between its clone and its push", async () => {
    const url = server.createRepository("moved", {
      "envs/last/values.yaml": VALUES,
      "README.md": "x\n",
    });
    const pushed = await writePromotion(remote(url), change("3.4.0"), {
      beforePush: async (attempt) => {
        if (attempt === 1) server.commitDirectly("moved", "README.md", "changed by hand\n");
      },
    });
    expect(pushed).toMatchObject({ state: "PUSHED", attempts: 2 });
    expect(server.readFile("moved", "README.md")).toBe("changed by hand\n");
    expect(server.readFile("moved", "envs/last/values.yaml")).toContain('tag: "3.4.0"');
    expect(server.log("moved").map((entry) => entry.message.split("\n")[0])).toEqual([
      "Promote Payments API 3.4.0 to LAST",
      "Change README.md by hand",
      "Initial values",
    ]);
  });

  it("gives up when the branch keeps moving, never forcing", async () => {
    const url = server.createRepository("busy", { "envs/last/values.yaml": VALUES });
    let edits = 0;
    await expect(
      writePromotion(remote(url), change("3.4.0"), {
        beforePush: async () => {
          edits += 1;
          server.commitDirectly("busy", "envs/last/values.yaml", `${VALUES}# edit ${edits}\n`);
        },
      }),
    ).rejects.toThrow("the branch kept moving: 4 pushes refused");
    // The first commit and four by hand: nothing of the calendar's, nothing forced.
    expect(server.log("busy")).toHaveLength(5);
  });

  it("refuses a repository on a private address unless allowed", async () => {
    const url = server.createRepository("private", { "envs/last/values.yaml": VALUES });
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    resetEnvCache();
    try {
      await expect(readBranchHead(remote(url))).rejects.toThrow(/loopback or private-network/);
      await expect(writePromotion(remote(url), change("3.4.0"))).rejects.toThrow(
        /loopback or private-network/,
      );
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
      resetEnvCache();
    }
    expect(server.log("private")).toHaveLength(1);
  });
});
