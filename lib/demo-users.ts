import type { Role } from "@/lib/domain/stages";

export type DemoUser = {
  key: DemoUserKey;
  email: string;
  password: string;
  name: string;
  role: Role;
};
export type DemoUserKey = "admin" | "rm" | "rm2" | "qa" | "qa2" | "viewer";

/** The demo users of the embedded demo (README and docs/API.md): exact emails and passwords. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: "admin",
    email: "admin@demo.local",
    password: "demo-admin",
    name: "Alex Morgan",
    role: "ADMIN",
  },
  {
    key: "rm",
    email: "rm@demo.local",
    password: "demo-rm",
    name: "Rita Manning",
    role: "RELEASE_MANAGER",
  },
  {
    key: "rm2",
    email: "rm2@demo.local",
    password: "demo-rm2",
    name: "Ravi Mehta",
    role: "RELEASE_MANAGER",
  },
  { key: "qa", email: "qa@demo.local", password: "demo-qa", name: "Quinn Adler", role: "QA" },
  { key: "qa2", email: "qa2@demo.local", password: "demo-qa2", name: "Kim Asante", role: "QA" },
  {
    key: "viewer",
    email: "viewer@demo.local",
    password: "demo-viewer",
    name: "Victor Vance",
    role: "VIEWER",
  },
];

export function demoUser(key: DemoUserKey): DemoUser {
  return DEMO_USERS.find((user) => user.key === key)!;
}
