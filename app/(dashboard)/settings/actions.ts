"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { transactionChannel } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { AppError } from "@/lib/errors";
import { appCallbackUrl } from "@/lib/http/app-origin";
import { requestIp } from "@/lib/http/request-ip";
import { lastVerifiedWithPreviousSecret } from "@/lib/settings/rotation";
import {
  clearGatewayCredentials,
  retirePreviousSecret,
  saveGatewayCredentials,
  startSecretRotation,
  type GatewaySettingsMessages,
  type SavedMode,
} from "@/lib/settings/gateway-settings";
import { sendTestCallback, testGatewayConnection } from "@/lib/settings/gateway-checks";
import {
  logoRules,
  saveMerchantLogo,
  saveMerchantSettings,
  type SettlementDelays,
} from "@/lib/settings/merchant";
import { reencodeLogo } from "@/lib/settings/logo";
import { isSavedMode } from "@/lib/settings/overview";
import { gatewayCredentialsSchema, merchantSchema, newSecretSchema } from "@/lib/settings/schemas";
import { loginLimits } from "@/lib/auth/login-limits";
import { gatewayAddressRules } from "@/lib/gateway/config";
import { defaultBaseUrls, gatewayModes, type GatewayMode } from "@purwantara/contract";

type Bound = (previous: ActionState, formData: FormData) => Promise<ActionState>;

async function settingsMessages(mode?: SavedMode): Promise<GatewaySettingsMessages> {
  const t = await getTranslations("settings.errors");
  const field = await getTranslations("validation");
  const security = await getTranslations("security");
  return {
    emulatorSecret: field("emulatorSecret"),
    emulatorToken: field("emulatorToken"),
    gatewayUrl: field("gatewayUrl", { address: defaultBaseUrls[mode ?? "production"] }),
    addressNeedsPassword: t("addressNeedsPassword"),
    passwordWrong: security("currentWrong"),
    passwordLimited: security("limited", { minutes: loginLimits.windowMinutes }),
    secretInUse: t("secretInUse"),
    noSecretYet: t("noSecretYet"),
    rotationUnderway: t("rotationUnderway"),
    noRotation: t("noRotation"),
    nothingToSave: t("nothingToSave"),
  };
}

async function savedModeOf(mode: string): Promise<SavedMode> {
  if (isSavedMode(mode)) return mode;
  throw new AppError("bad_request", (await getTranslations("settings.errors"))("notEditable"));
}

async function actor(user: { id: string }) {
  return { id: user.id, ip: await requestIp() };
}

function gatewayAction<S extends z.ZodType>(
  schemaFor: (mode: SavedMode) => S,
  run: (mode: SavedMode, input: z.infer<S>, user: { id: string }) => Promise<string>,
) {
  return async (mode: string, previous: ActionState, formData: FormData) =>
    protectedAction({
      permission: "settings:manage",
      // A mode not saved here (local) is read by the strictest rules, then refused in `run`.
      schema: schemaFor(isSavedMode(mode) ? mode : "production"),
      run: async (input, user) => {
        const message = await run(await savedModeOf(mode), input, user);
        revalidatePath("/settings");
        return { status: "success", message };
      },
    })(previous, formData);
}

const credentialsForm = (mode: SavedMode) =>
  gatewayCredentialsSchema(mode, gatewayAddressRules().extraOrigins);

const saveGateway = gatewayAction(credentialsForm, async (mode, input, user) => {
  const t = await getTranslations("settings");
  await saveGatewayCredentials(mode, input, await actor(user), await settingsMessages(mode));
  return t("done.saved", { mode: (await getTranslations("mode"))(mode) });
});
export async function saveGatewayAction(mode: string, previous: ActionState, formData: FormData) {
  return saveGateway(mode, previous, formData);
}

const rotate = gatewayAction(newSecretSchema, async (mode, { newSecret }, user) => {
  await startSecretRotation(mode, newSecret!, await actor(user), await settingsMessages());
  return (await getTranslations("settings"))("done.rotated");
});
export async function rotateSecretAction(mode: string, previous: ActionState, formData: FormData) {
  return rotate(mode, previous, formData);
}

const noFields = () => z.object({});

const retire = gatewayAction(noFields, async (mode, _input, user) => {
  const lastVerifiedAt = await lastVerifiedWithPreviousSecret(mode);
  await retirePreviousSecret(mode, lastVerifiedAt, await actor(user), await settingsMessages());
  return (await getTranslations("settings"))("done.retired");
});
export async function retireSecretAction(mode: string, previous: ActionState, formData: FormData) {
  return retire(mode, previous, formData);
}

const clear = gatewayAction(noFields, async (mode, _input, user) => {
  await clearGatewayCredentials(mode, await actor(user));
  return (await getTranslations("settings"))("done.cleared");
});
export async function clearGatewayAction(mode: string, previous: ActionState, formData: FormData) {
  return clear(mode, previous, formData);
}

const modeSchema = z.enum(gatewayModes);

/** Reads only: no audit entry, but still admins only (it spends a gateway call). */
export async function testConnectionAction(
  mode: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "settings:manage",
    schema: z.object({}),
    run: async () => {
      const t = await getTranslations("settings.connection");
      const result = await testGatewayConnection(modeSchema.parse(mode));
      const status = "httpStatus" in result ? String(result.httpStatus ?? "—") : "";
      const message = t(result.verdict, { status });
      return result.verdict === "accepted"
        ? { status: "success", message }
        : { status: "error", message };
    },
  })(previous, formData);
}

export async function sendTestCallbackAction(
  mode: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "settings:manage",
    schema: z.object({}),
    run: async () => {
      const t = await getTranslations("settings.testCallback");
      const parsed = modeSchema.parse(mode) as GatewayMode;
      if (parsed === "production") return { status: "error", message: t("notInLive") };
      const url = appCallbackUrl();
      const result = await sendTestCallback(parsed);
      const status = "httpStatus" in result ? String(result.httpStatus) : "";
      const message = t(result.verdict, { status, url });
      return result.verdict === "received"
        ? { status: "success", message }
        : { status: "error", message };
    },
  })(previous, formData);
}

export const saveMerchantAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: merchantSchema,
  run: async (input, user) => {
    const t = await getTranslations("settings");
    const values = input as Record<string, unknown>;
    const settlementDelays = Object.fromEntries(
      transactionChannel.enumValues.map((c) => [c, Number(values[`delay_${c}`])]),
    ) as SettlementDelays;
    const fields = await saveMerchantSettings(
      {
        businessName: input.businessName,
        businessContact: input.businessContact,
        defaultTimeZone: input.defaultTimeZone,
        requireAdminTwoFactor: input.requireAdminTwoFactor,
        emailReceipts: input.emailReceipts,
        receiptLocale: input.receiptLocale,
        settlementDelays,
      },
      await actor(user),
    );
    revalidatePath("/settings");
    return {
      status: "success",
      message: fields.length ? t("done.merchantSaved") : t("done.merchantUnchanged"),
    };
  },
});

export const uploadLogoAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: z.object({
    logo: z
      .instanceof(File, { message: "logoRequired" })
      .refine((file) => file.size > 0, "logoRequired")
      .refine((file) => file.size <= logoRules.maxBytes, "logoSize"),
  }),
  run: async ({ logo }, user) => {
    const t = await getTranslations("settings");
    // The bytes decide the type, not the name or what the browser claimed; what is
    // stored is the image re-encoded, never the uploaded file.
    const image = await reencodeLogo(Buffer.from(await logo.arrayBuffer()));
    if (!image) throw new AppError("validation", t("errors.logoType"));
    await saveMerchantLogo(image, await actor(user));
    revalidatePath("/settings");
    return { status: "success", message: t("done.logoSaved") };
  },
});

export const removeLogoAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: z.object({}),
  run: async (_input, user) => {
    await saveMerchantLogo(null, await actor(user));
    revalidatePath("/settings");
    return { status: "success", message: (await getTranslations("settings"))("done.logoRemoved") };
  },
});
