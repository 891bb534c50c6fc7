export const BULK_FORM_ID = "bulk-orders";
