import { NextResponse, type NextRequest } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

/** Public: the API's description, generated from the schemas the routes validate with. */
export function GET(request: NextRequest) {
  return NextResponse.json(buildOpenApiDocument(request.nextUrl.origin));
}
