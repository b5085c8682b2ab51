/** `GET /api/ready`: whether an instance may take traffic. */
export type Readiness = {
  status: "ready" | "unavailable";
  database: "ok" | "unreachable";
  /** Migrations of this build not (successfully) applied to the database. */
  pendingMigrations: string[];
};
