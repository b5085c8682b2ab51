import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { ProductDialog } from "@/components/products/product-dialog";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { OWNER_ROLES } from "@/lib/domain/products";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { can } from "@/lib/permissions";
import { createProductAction } from "@/lib/server/actions/products";
import { requireUser } from "@/lib/server/auth/session";
import { listProducts } from "@/lib/server/products/products";
import { listUsers } from "@/lib/server/users/manage-users";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  const user = await requireUser();
  const mayManage = can(user.role, "products.manage");
  const [products, people] = await Promise.all([
    listProducts(),
    mayManage ? listUsers(user, { limit: 1000, active: true }) : null,
  ]);
  const owners = (people?.items ?? []).filter((person) => OWNER_ROLES.includes(person.role));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Products"
        description={`${products.length} products. Each groups its releases and patches; its owners name who signs its stages.`}
        actions={mayManage && <ProductDialog owners={owners} save={createProductAction} />}
      />
      <Table>
        <TableHeader>
          <tr>
            <TableHead>Product</TableHead>
            <TableHead>Owners</TableHead>
            <TableHead>Named approvers</TableHead>
            <TableHead align="right">Releases</TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {products.map((product) => {
            const named = STAGE_KEYS.filter((key) => product.approvers[key].length > 0);
            return (
              <TableRow key={product.key} data-testid="product-row">
                <TableCell className="max-w-96">
                  <div className="flex items-center gap-2">
                    <Link
                      href={`/products/${product.key}`}
                      className="font-medium text-fg hover:text-accent hover:underline"
                    >
                      {product.name}
                    </Link>
                    {product.isDefault && <Badge tone="neutral">Default</Badge>}
                  </div>
                  <p className="mt-0.5 font-mono text-xs text-muted">{product.key}</p>
                  {product.description && (
                    <p className="mt-0.5 truncate text-xs text-muted">{product.description}</p>
                  )}
                </TableCell>
                <TableCell className="text-sm text-fg">
                  {product.owners.map((owner) => owner.name).join(", ") || (
                    <span className="text-subtle">No owner</span>
                  )}
                </TableCell>
                <TableCell className="text-sm">
                  {named.length === 0 ? (
                    <span className="text-muted">By role</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {named.map((key) => (
                        <li key={key}>
                          <span className="font-mono text-xs font-semibold">{key}</span>{" "}
                          {product.approvers[key].map((person) => person.name).join(", ")}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell className="text-right tabular">
                  <Link
                    href={`/releases?product=${product.key}`}
                    className="text-accent hover:underline"
                  >
                    {product.releaseCount}
                  </Link>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
