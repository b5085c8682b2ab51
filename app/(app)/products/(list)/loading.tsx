import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function ProductsLoading() {
  return <PageSkeleton label="Loading the products" content="cards" />;
}
