"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";
import { localize } from "@/lib/i18n/message";
import { en } from "@/lib/i18n/messages/en";
import { parseRateCardCsv, sayRateCardCsvError } from "@/lib/rating/rate-card-csv";
import { canManageRateCards, deleteRateCard, saveRateCard, setRateCardActive } from "@/lib/rating/rate-cards";

const PAGE = "/settings/rate-cards";
/** A carrier's card for one service is tens of kilobytes; this leaves room for big zone charts. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export interface UploadRateCardState extends FormState {
  /** Every problem of the file, each naming its row and column; nothing was saved. */
  problems?: string[];
  saved?: string;
}

export type RateCardRowState = FormState;

export const uploadRateCardAction = workspaceAction(
  {
    input: (_state: UploadRateCardState, formData: FormData) => ({ file: formData.get("file") }),
    schema: z.object({
      file: z
        .instanceof(File, { error: en.rateCardErrors.chooseFile })
        .refine((file) => file.size > 0, en.rateCardErrors.chooseFile)
        .refine((file) => file.size <= MAX_CSV_BYTES, en.rateCardErrors.fileTooLarge),
    }),
    allow: canManageRateCards,
    values: () => undefined,
    errors: { forbidden: "rateCards.errors.forbidden", invalid_input: (error, t) => localize(error.fieldErrors?.file?.[0] ?? error.message, t) },
  },
  async ({ workspaceId, input, t }): Promise<UploadRateCardState> => {
    const parsed = parseRateCardCsv(await input.file.text());
    if (!parsed.ok) return { error: t("rateCards.errors.file", { count: parsed.errors.length }), problems: parsed.errors.map((problem) => localize(sayRateCardCsvError(problem), t)) };
    await saveRateCard(workspaceId, parsed.card);
    revalidatePath(PAGE);
    return { saved: t("rateCards.saved", { service: parsed.card.serviceName, carrier: parsed.card.carrierName }) };
  },
);

const rowSchema = z.object({ rateCardId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).optional() });

export const setRateCardActiveAction = workspaceAction(
  {
    input: (_state: RateCardRowState, formData: FormData) => formValues(formData),
    schema: rowSchema,
    allow: canManageRateCards,
    errors: { forbidden: "rateCards.errors.forbidden", not_found: "rateCards.errors.notFound", invalid_input: "rateCards.errors.notFound" },
  },
  async ({ workspaceId, input }): Promise<RateCardRowState> => {
    await setRateCardActive(workspaceId, input.rateCardId, input.active === "true");
    revalidatePath(PAGE);
    return {};
  },
);

export const deleteRateCardAction = workspaceAction(
  {
    input: (_state: RateCardRowState, formData: FormData) => formValues(formData),
    schema: rowSchema,
    allow: canManageRateCards,
    errors: { forbidden: "rateCards.errors.forbidden", not_found: "rateCards.errors.notFound", invalid_input: "rateCards.errors.notFound" },
  },
  async ({ workspaceId, input }): Promise<RateCardRowState> => {
    await deleteRateCard(workspaceId, input.rateCardId);
    revalidatePath(PAGE);
    return {};
  },
);
