import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { gatewayCallQuerySchema, listGatewayCallPage } from "@/lib/gateway-calls/list";
import { getEnv } from "@/lib/env";
import { getFormatter } from "@/lib/i18n/server";
import { CallFilters } from "./_components/call-filters";
import { CallList } from "./_components/call-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gatewayCalls"))("pageTitle") };
}

export default async function GatewayCallsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("gateway-calls:read");
  const t = await getTranslations();
  const format = await getFormatter();
  const mode = await actingMode(user);
  const query = gatewayCallQuerySchema.parse(await searchParams);
  const page = await listGatewayCallPage(query, mode);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("gatewayCalls.title")}
        description={t("gatewayCalls.subtitle", {
          mode: t(`mode.${mode}`),
          days: getEnv().gatewayCallRetentionDays,
          zone: format.zoneName,
        })}
      />
      <CallFilters query={page.query} endpoints={page.endpoints} />
      <CallList page={page} format={format} />
    </div>
  );
}
