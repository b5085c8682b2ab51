import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function ProductLoading() {
  return <PageSkeleton label="Loading the product" content="cards" />;
}
