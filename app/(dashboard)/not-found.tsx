import { NotFoundContent } from "@/components/errors/not-found-content";

/** Inside the dashboard's frame, whose `main` already holds it. */
export default function DashboardNotFound() {
  return <NotFoundContent />;
}
