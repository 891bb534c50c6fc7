import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** A page's lib query, or the 404 page when it is not found: a bad id, another workspace's, a deleted store. */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
