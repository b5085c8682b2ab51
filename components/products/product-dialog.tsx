"use client";

import { Pencil, Plus } from "lucide-react";

import { Button } from "../ui/button";
import { lazyIsland } from "../ui/lazy-island";
import { LazyBodyModal } from "../ui/modal";

import type { ProductFormProps } from "./product-form";

const formBody = lazyIsland(() => import("./product-form").then((module) => module.ProductForm));

/**
 * Creating a product (its key is proposed from the name and fixed afterwards: feeds and scripts use
 * it) or changing its name, description and owners.
 */
export function ProductDialog(props: ProductFormProps) {
  const { product } = props;
  return (
    <LazyBodyModal
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
      body={formBody}
      bodyProps={props}
    />
  );
}
