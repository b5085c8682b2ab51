import type { ProductOption } from "@/lib/types/product";

/** The `<option>`s of a product picker, by name, valued by key. */
export function ProductOptions({ products }: { products: ProductOption[] }) {
  return products.map((product) => (
    <option key={product.key} value={product.key}>
      {product.name}
    </option>
  ));
}
