"use server";

import { revalidatePath } from "next/cache";
import { deleteCsvMapping, deleteCsvMappingSchema, renameCsvMapping, renameCsvMappingSchema } from "@/lib/csv/csv-mappings";
import { formValues, workspaceAction, type FormState } from "@/lib/http/action-client";

const PAGE = "/settings/csv-mappings";

export interface CsvMappingState extends FormState {
  renamed?: boolean;
}

// Any member saves mappings on the import page, so any member renames and deletes them here.
export const renameCsvMappingAction = workspaceAction(
  {
    input: (_state: CsvMappingState, formData: FormData) => formValues(formData),
    schema: renameCsvMappingSchema,
    // A mapping id that is not a number is a mapping that does not exist.
    errors: { not_found: "csvMappings.errors.notFound", conflict: "csvMappings.errors.nameTaken" },
    fieldErrors: { name: "csvMappings.errors.name", mappingId: "csvMappings.errors.notFound" },
  },
  async ({ workspaceId, input }): Promise<CsvMappingState> => {
    await renameCsvMapping(workspaceId, input);
    revalidatePath(PAGE);
    return { renamed: true };
  },
);

export const deleteCsvMappingAction = workspaceAction(
  {
    input: (_state: CsvMappingState, formData: FormData) => formValues(formData),
    schema: deleteCsvMappingSchema,
    errors: { not_found: "csvMappings.errors.notFound", invalid_input: "csvMappings.errors.notFound" },
  },
  async ({ workspaceId, input }): Promise<CsvMappingState> => {
    await deleteCsvMapping(workspaceId, input.mappingId);
    revalidatePath(PAGE);
    return {};
  },
);
