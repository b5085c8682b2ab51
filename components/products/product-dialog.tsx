"use client";

import { Pencil, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { IDLE, type ProductState, submitted } from "@/lib/action-state";
import { productKeyFrom } from "@/lib/domain/products";
import type { ProductDto } from "@/lib/types/product";
import type { UserSummary } from "@/lib/types/user";

import { Button } from "../ui/button";
import { DialogActions } from "../ui/dialog-actions";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { Textarea } from "../ui/textarea";
import { useDialogForm } from "../ui/use-dialog-form";

import { PeopleChecklist } from "./people-checklist";

type Save = (previous: ProductState, form: FormData) => Promise<ProductState>;

/**
 * Creating a product (its key is proposed from the name and fixed afterwards: feeds and scripts use
 * it) or changing its name, description and owners.
 */
export function ProductDialog({
  product,
  owners,
  save,
}: {
  /** The product to edit; none to create one. */
  product?: Pick<ProductDto, "key" | "name" | "description" | "owners">;
  /** Who may own a product: release managers and admins. */
  owners: UserSummary[];
  save: Save;
}) {
  const router = useRouter();
  const { open, setOpen, state, action, isPending } = useDialogForm(save, (result) => {
    if (product) router.refresh();
    else if (result.productKey) router.push(`/products/${result.productKey}`);
  });
  const [name, setName] = useState(product?.name ?? "");
  const [key, setKey] = useState(product?.key ?? "");
  const [keyEdited, setKeyEdited] = useState(Boolean(product));
  const error = (field: string) => state.fieldErrors?.[field];
  const chosen = new Set(state.values?.ownerIds ?? product?.owners.map((owner) => owner.id) ?? []);

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title={product ? `Edit ${product.name}` : "New product"}
      description="A product groups its releases and patches; its owners name who signs its stages."
      trigger={
        product ? (
          <Button variant="secondary">
            <Pencil aria-hidden />
            Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden />
            New product
          </Button>
        )
      }
    >
      <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
        <TextField
          id="product-name"
          label="Name"
          name="name"
          required
          maxLength={120}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!keyEdited) setKey(productKeyFrom(event.target.value));
          }}
          placeholder="e.g. Payments API"
          error={error("name")}
        />
        <TextField
          id="product-key"
          label="Key"
          name="key"
          required
          maxLength={64}
          value={key}
          readOnly={Boolean(product)}
          onChange={(event) => {
            setKey(event.target.value);
            setKeyEdited(true);
          }}
          inputClassName="font-mono"
          description={
            product
              ? "The key stays: calendar feeds, filters and scripts name the product by it."
              : "Lowercase letters, digits and dashes. Feeds, filters and scripts use it; it cannot change later."
          }
          error={error("key")}
        />
        <Field id="product-description" label="Description (optional)" error={error("description")}>
          {(control) => (
            <Textarea
              {...control}
              name="description"
              rows={2}
              maxLength={2000}
              defaultValue={submitted(state, "description", product?.description)}
            />
          )}
        </Field>
        <PeopleChecklist
          legend="Owners"
          name="ownerIds"
          people={owners}
          checked={chosen}
          error={error("ownerIds")}
        />
        <FormStatus state={state.status === "error" ? state : IDLE} />
        <DialogActions
          onCancel={() => setOpen(false)}
          label={product ? "Save" : "Create product"}
          isPending={isPending}
        />
      </form>
    </Modal>
  );
}
