"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { IDLE, type ProductState, submitted } from "@/lib/action-state";
import { productKeyFrom } from "@/lib/domain/products";
import type { ProductDto } from "@/lib/types/product";
import type { UserSummary } from "@/lib/types/user";

import { DialogActions } from "../ui/dialog-actions";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import type { DialogBodyProps } from "../ui/modal";
import { TextField } from "../ui/text-field";
import { Textarea } from "../ui/textarea";
import { useSavingForm } from "../ui/use-dialog-form";

import { PeopleChecklist } from "./people-checklist";

type Save = (previous: ProductState, form: FormData) => Promise<ProductState>;

export type ProductFormProps = {
  /** The product to edit; none to create one. */
  product?: Pick<ProductDto, "key" | "name" | "description" | "owners">;
  /** Who may own a product: release managers and admins. */
  owners: UserSummary[];
  save: Save;
};

/** The product dialog's form, loaded when the dialog first opens. */
export function ProductForm({ product, owners, save, close }: ProductFormProps & DialogBodyProps) {
  const router = useRouter();
  const { state, action, isPending, error } = useSavingForm(save, (result) => {
    close();
    if (product) router.refresh();
    else if (result.productKey) router.push(`/products/${result.productKey}`);
  });
  const [name, setName] = useState(product?.name ?? "");
  const [key, setKey] = useState(product?.key ?? "");
  const [keyEdited, setKeyEdited] = useState(Boolean(product));
  const chosen = new Set(state.values?.ownerIds ?? product?.owners.map((owner) => owner.id) ?? []);

  return (
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
        onCancel={close}
        label={product ? "Save" : "Create product"}
        isPending={isPending}
      />
    </form>
  );
}
