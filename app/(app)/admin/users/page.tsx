import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { NewUserDialog } from "@/components/users/new-user-dialog";
import { RoleSelect, UserActions } from "@/components/users/user-controls";
import { ROLE_NAMES, ROLES } from "@/lib/domain/stages";
import {
  createUserAction,
  resetPasswordAction,
  updateUserAction,
} from "@/lib/server/actions/users";
import { requirePermission } from "@/lib/server/auth/session";
import { listUsers } from "@/lib/server/users/manage-users";
import type { UserDto } from "@/lib/types/user";
import { userListQuerySchema } from "@/lib/validation/users";
import { firstParam, type SearchParams } from "@/lib/validation/view-filters";

export const metadata: Metadata = { title: "Users" };

const COMMANDS = { update: updateUserAction, resetPassword: resetPasswordAction };

function SignInMethods({ user }: { user: UserDto }) {
  if (!user.hasPassword && !user.hasSso) return <Badge tone="warning">No password yet</Badge>;
  return (
    <span className="flex flex-wrap gap-1">
      {user.hasPassword && <Badge tone="neutral">Password</Badge>}
      {user.hasSso && <Badge tone="info">Single sign-on</Badge>}
    </span>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePermission("users.manage");
  const params = await searchParams;
  const raw = {
    q: firstParam(params.q),
    role: firstParam(params.role),
    active: firstParam(params.active),
  };
  const parsed = userListQuerySchema.safeParse({ ...raw, limit: "1000" });
  const query = parsed.success ? parsed.data : { limit: 1000 };
  const { items, total } = await listUsers(admin, query);
  const users = items as UserDto[];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-base font-semibold text-fg">Users</h2>
          <p className="text-sm text-muted">
            {total} {total === 1 ? "person" : "people"}. Every change is recorded with who made it.
          </p>
        </div>
        <NewUserDialog create={createUserAction} />
      </div>
      <form
        action="/admin/users"
        className="flex flex-wrap items-end gap-3"
        aria-label="Filter users"
      >
        <TextField
          id="users-q"
          label="Name or email"
          name="q"
          type="search"
          defaultValue={raw.q}
          inputClassName="w-64"
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="users-role" className="text-sm font-medium text-fg">
            Role
          </label>
          <Select id="users-role" name="role" defaultValue={raw.role ?? ""} className="w-48">
            <option value="">Any role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="users-active" className="text-sm font-medium text-fg">
            Status
          </label>
          <Select id="users-active" name="active" defaultValue={raw.active ?? ""} className="w-40">
            <option value="">Everyone</option>
            <option value="true">Active</option>
            <option value="false">Deactivated</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      {users.length === 0 ? (
        <EmptyState title="Nobody matches" description="Try another name, role or status." />
      ) : (
        <Table>
          <caption className="sr-only">Users with their role, sign-in methods and status</caption>
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Signs in with</TableHead>
              <TableHead>Last sign-in</TableHead>
              <TableHead align="right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((user) => (
              <TableRow
                key={user.id}
                data-testid="user-row"
                className={user.isActive ? undefined : "bg-surface-muted/40"}
              >
                <TableCell>
                  <p className="font-medium text-fg">
                    {user.name}
                    {user.id === admin.id && <span className="ml-2 text-xs text-muted">(you)</span>}
                  </p>
                  <p className="text-xs text-muted">{user.email}</p>
                  {!user.isActive && (
                    <Badge tone="danger" className="mt-1">
                      Deactivated
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <RoleSelect user={user} update={COMMANDS.update} />
                </TableCell>
                <TableCell>
                  <SignInMethods user={user} />
                </TableCell>
                <TableCell className="text-sm text-muted">
                  {user.lastSignInAt ? <LocalTime iso={user.lastSignInAt} /> : "Never"}
                </TableCell>
                <TableCell className="text-right">
                  <UserActions user={user} commands={COMMANDS} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
