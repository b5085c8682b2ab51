// A real Alertmanager on loopback (Debian's prometheus-alertmanager) for the signal tests: started
// with a webhook receiver that posts to the given URL with a bearer token and short group waits;
// alerts are posted to its API (v2), as Prometheus would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type Alertmanager = {
  url: string;
  /** Posts alerts to its API, as Prometheus does. */
  postAlerts: (alerts: unknown[]) => Promise<void>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startAlertmanager(options: {
  webhookUrl: string;
  token: string;
}): Promise<Alertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), "rc-alertmanager-"));
  const config = path.join(dir, "alertmanager.yml");
  writeFileSync(
    config,
    [
      "route:",
      "  receiver: release-calendar",
      "  group_by: ['alertname']",
      "  group_wait: 1s",
      "  group_interval: 1s",
      "  repeat_interval: 1h",
      "receivers:",
      "  - name: release-calendar",
      "    webhook_configs:",
      `      - url: ${JSON.stringify(options.webhookUrl)}`,
      "        send_resolved: true",
      "        max_alerts: 1000",
      "        http_config:",
      "          authorization:",
      "            type: Bearer",
      `            credentials: ${JSON.stringify(options.token)}`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "prometheus-alertmanager",
    [
      `--config.file=${config}`,
      `--storage.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Alertmanager exited: ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`Alertmanager did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    postAlerts: async (alerts) => {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alerts),
      });
      if (!response.ok)
        throw new Error(`Alertmanager refused the alerts: ${await response.text()}`);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
