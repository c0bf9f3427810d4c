// How the extension decides what to run and for which documents. Kept free of the `vscode`
// module so that it runs (and is tested) under plain Node; extension.ts feeds it the settings
// and the workspace, and turns its answers into a LanguageClient.

import * as path from "node:path";

/** The settings under `notedeck.server`, as read from the configuration (unvalidated). */
export interface ServerSettings {
  path?: unknown;
  args?: unknown;
}

/** What the resolution needs to know about the machine and the open workspace. */
export interface ResolveContext {
  /** File-system paths of the workspace folders, first one first. */
  workspaceFolders: readonly string[];
  home: string;
  platform: NodeJS.Platform;
  /** The environment's PATH (and PATHEXT on Windows). */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists and is executable; injected so tests need no real files. */
  isExecutable: (file: string) => boolean;
}

/** The process to start: stdio is the transport, so no transport flag is added. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** Defaults, mirrored in package.json's `contributes.configuration` (a test keeps them equal). */
export const DEFAULT_SERVER_PATH = "notedeck";
export const DEFAULT_SERVER_ARGS: readonly string[] = ["lsp"];

/** The configuration sections whose change needs a server restart (the server reads them once). */
export const RESTART_SECTIONS: readonly string[] = [
  "notedeck.server.path",
  "notedeck.server.args",
  "notedeck.anki.collection",
  "notedeck.anki.leechSeverity",
];

/** The settings under `notedeck.anki`, as read from the configuration (unvalidated). */
export interface AnkiSettings {
  collection?: unknown;
  leechSeverity?: unknown;
}

/** Severities the server accepts for the diagnostic on a leech, and the default. */
export const LEECH_SEVERITIES = ["error", "warning", "information", "hint"] as const;
export const DEFAULT_LEECH_SEVERITY = "information";

/** What the server reads from `initializationOptions`. */
export interface InitializationOptions {
  /** The Anki collection (file or profile folder); absent: the one Anki opened last. */
  collection?: string;
  leechSeverity: (typeof LEECH_SEVERITIES)[number];
}

/**
 * The server's `initializationOptions` from the `notedeck.anki` settings: `~` is the home
 * folder, a relative collection path is resolved against the first workspace folder, and an
 * unknown severity falls back to the default rather than failing the start.
 */
export function initializationOptions(
  settings: AnkiSettings,
  ctx: Pick<ResolveContext, "home" | "workspaceFolders">,
): InitializationOptions {
  const severity = LEECH_SEVERITIES.find((s) => s === settings.leechSeverity) ?? DEFAULT_LEECH_SEVERITY;
  const raw = typeof settings.collection === "string" ? settings.collection.trim() : "";
  if (raw === "") {
    return { leechSeverity: severity };
  }
  let collection = raw === "~" || raw.startsWith("~/") ? path.join(ctx.home, raw.slice(1)) : raw;
  if (!path.isAbsolute(collection) && ctx.workspaceFolders.length > 0) {
    collection = path.resolve(ctx.workspaceFolders[0], collection);
  }
  return { collection, leechSeverity: severity };
}

/**
 * Markdown files on disk and unsaved Markdown buffers. Other schemes (git diffs, remote
 * virtual files) are left out: the server reads the workspace from disk and would report
 * findings against paths it cannot see.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "markdown" },
  { scheme: "untitled", language: "markdown" },
] as const;

/** Files whose creation, change or deletion the server is told about (other notes it indexes). */
export const WATCHED_FILES = "**/*.md";

/** A setting that cannot be turned into a command; the message is meant for the user. */
export class ServerSettingsError extends Error {
  override name = "ServerSettingsError";
}

/**
 * The command to start the language server, from `notedeck.server.path` and
 * `notedeck.server.args`.
 *
 * - An empty or missing path means `notedeck`.
 * - `~` or `~/...` is the home directory; `${workspaceFolder}` the first workspace folder.
 * - A bare name (no directory part) is looked up on PATH, as the shell would.
 * - A relative path with a directory part is relative to the first workspace folder.
 *
 * Throws ServerSettingsError with a message saying which setting to fix.
 */
export function resolveServerCommand(settings: ServerSettings, ctx: ResolveContext): ServerCommand {
  const args = resolveArgs(settings.args);
  const configured = settings.path;
  if (configured !== undefined && configured !== null && typeof configured !== "string") {
    throw new ServerSettingsError(`notedeck.server.path must be a string, not ${JSON.stringify(configured)}.`);
  }
  const raw = (configured ?? "").trim() || DEFAULT_SERVER_PATH;
  const p = pathApi(ctx.platform);
  const expanded = expandVariables(raw, ctx);

  if (!hasDirectoryPart(expanded, ctx.platform)) {
    const found = findOnPath(expanded, ctx);
    if (found === undefined) {
      throw new ServerSettingsError(
        `The notedeck server "${expanded}" was not found on PATH. Install it (cargo install --path crates/notedeck) ` +
          `or set notedeck.server.path to the notedeck executable.`,
      );
    }
    return { command: found, args };
  }

  let command = expanded;
  if (!p.isAbsolute(command)) {
    const base = ctx.workspaceFolders[0];
    if (base === undefined) {
      throw new ServerSettingsError(
        `notedeck.server.path "${raw}" is relative, but no folder is open to resolve it against. Use an absolute path.`,
      );
    }
    command = p.resolve(base, command);
  }
  if (!ctx.isExecutable(command)) {
    throw new ServerSettingsError(`notedeck.server.path "${raw}" points to ${command}, which is not an executable file.`);
  }
  return { command, args };
}

/**
 * The first executable named `name` in PATH (on Windows also with each PATHEXT extension),
 * or undefined.
 */
export function findOnPath(name: string, ctx: ResolveContext): string | undefined {
  const p = pathApi(ctx.platform);
  const windows = ctx.platform === "win32";
  const pathVar = windows ? (ctx.env["Path"] ?? ctx.env["PATH"]) : ctx.env["PATH"];
  const dirs = (pathVar ?? "").split(windows ? ";" : ":").filter((d) => d !== "");
  const extensions = windows
    ? ["", ...(ctx.env["PATHEXT"] ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((e) => e !== "")]
    : [""];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = p.join(dir, name + ext);
      if (ctx.isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function resolveArgs(args: unknown): string[] {
  if (args === undefined || args === null) {
    return [...DEFAULT_SERVER_ARGS];
  }
  if (!Array.isArray(args) || !args.every((a) => typeof a === "string")) {
    throw new ServerSettingsError(`notedeck.server.args must be a list of strings, not ${JSON.stringify(args)}.`);
  }
  return [...args];
}

function expandVariables(raw: string, ctx: ResolveContext): string {
  let out = raw;
  if (out === "~") {
    out = ctx.home;
  } else if (out.startsWith("~/") || (ctx.platform === "win32" && out.startsWith("~\\"))) {
    out = pathApi(ctx.platform).join(ctx.home, out.slice(2));
  }
  if (out.includes("${workspaceFolder}")) {
    const folder = ctx.workspaceFolders[0];
    if (folder === undefined) {
      throw new ServerSettingsError(`notedeck.server.path "${raw}" uses \${workspaceFolder}, but no folder is open.`);
    }
    out = out.split("${workspaceFolder}").join(folder);
  }
  return out;
}

function hasDirectoryPart(file: string, platform: NodeJS.Platform): boolean {
  return file.includes("/") || (platform === "win32" && file.includes("\\"));
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}
