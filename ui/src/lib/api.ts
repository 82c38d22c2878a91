// Typed calls into the Tauri commands. The types are generated from the Rust
// types (ts-rs, `cargo test`); nothing here retypes them.
import { invoke } from "@tauri-apps/api/core";
import type { ClientId } from "../bindings/ClientId";
import type { ClientRecord } from "../bindings/ClientRecord";
import type { ClientSummary } from "../bindings/ClientSummary";
import type { DatabaseInfo } from "../bindings/DatabaseInfo";
import type { ErrorBody } from "../bindings/ErrorBody";

/** A failed call: the core's `{code, message, fields}`. */
export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error) {
      throw new ApiError(error as ErrorBody);
    }
    throw new ApiError({ code: "storage", message: String(error), fields: [] });
  }
}

export const api = {
  databaseInfo: () => call<DatabaseInfo>("database_info"),
  openDemo: () => call<void>("open_demo"),
  leaveDemo: () => call<void>("leave_demo"),
  searchClients: (query: string) => call<ClientSummary[]>("search_clients", { query }),
  clientRecord: (id: ClientId) => call<ClientRecord>("client_record", { id }),
};
