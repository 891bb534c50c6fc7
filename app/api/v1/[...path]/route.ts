import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

/** Any other /api/v1 path: a JSON 404 after authentication (a stranger learns nothing), never the HTML page. */
const unknownPath = apiRoute<{ path: string[] }>(async (request) => {
  throw notFound(`No such API endpoint: ${request.method} ${request.nextUrl.pathname}`);
});

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
