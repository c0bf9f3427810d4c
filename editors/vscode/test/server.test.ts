// The client logic that runs outside VS Code: which command starts the server for which
// settings, and that package.json (what VS Code reads) agrees with the code.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  DEFAULT_LEECH_SEVERITY,
  DEFAULT_SERVER_ARGS,
  DEFAULT_SERVER_PATH,
  LEECH_SEVERITIES,
  DOCUMENT_SELECTOR,
  RESTART_SECTIONS,
  ServerSettingsError,
  findOnPath,
  initializationOptions,
  resolveServerCommand,
  type ResolveContext,
} from "../src/server";

const root = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** A POSIX machine whose only executables are the given paths. */
function posix(executables: string[], over: Partial<ResolveContext> = {}): ResolveContext {
  const set = new Set(executables);
  return {
    workspaceFolders: ["/home/me/노트"],
    home: "/home/me",
    platform: "linux",
    env: { PATH: "/usr/local/bin:/home/me/.cargo/bin:/usr/bin" },
    isExecutable: (f) => set.has(f),
    ...over,
  };
}

describe("resolveServerCommand", () => {
  it("defaults to `notedeck lsp` found on PATH", () => {
    const cmd = resolveServerCommand({}, posix(["/home/me/.cargo/bin/notedeck"]));
    assert.deepEqual(cmd, { command: "/home/me/.cargo/bin/notedeck", args: ["lsp"] });
  });

  it("takes the first PATH entry that has the executable", () => {
    const cmd = resolveServerCommand({ path: "notedeck" }, posix(["/usr/bin/notedeck", "/usr/local/bin/notedeck"]));
    assert.equal(cmd.command, "/usr/local/bin/notedeck");
  });

  it("treats an empty or blank path as the default", () => {
    for (const p of ["", "   ", null]) {
      assert.equal(resolveServerCommand({ path: p }, posix(["/usr/bin/notedeck"])).command, "/usr/bin/notedeck");
    }
  });

  it("says how to fix a server missing from PATH", () => {
    assert.throws(
      () => resolveServerCommand({}, posix([])),
      (e: unknown) =>
        e instanceof ServerSettingsError && /not found on PATH/.test(e.message) && /notedeck\.server\.path/.test(e.message),
    );
  });

  it("uses an absolute path as it is, with custom args", () => {
    const cmd = resolveServerCommand(
      { path: "/opt/notedeck/bin/notedeck", args: ["lsp", "--log", "debug"] },
      posix(["/opt/notedeck/bin/notedeck"]),
    );
    assert.deepEqual(cmd, { command: "/opt/notedeck/bin/notedeck", args: ["lsp", "--log", "debug"] });
  });

  it("rejects an absolute path that is not an executable", () => {
    assert.throws(
      () => resolveServerCommand({ path: "/opt/missing/notedeck" }, posix([])),
      /points to \/opt\/missing\/notedeck, which is not an executable file/,
    );
  });

  it("resolves a relative path against the first workspace folder (Korean folder name)", () => {
    const cmd = resolveServerCommand({ path: "./target/release/notedeck" }, posix(["/home/me/노트/target/release/notedeck"]));
    assert.equal(cmd.command, "/home/me/노트/target/release/notedeck");
  });

  it("refuses a relative path when no folder is open", () => {
    assert.throws(
      () => resolveServerCommand({ path: "target/release/notedeck" }, posix([], { workspaceFolders: [] })),
      /is relative, but no folder is open/,
    );
  });

  it("expands ~ and ${workspaceFolder}", () => {
    assert.equal(
      resolveServerCommand({ path: "~/.cargo/bin/notedeck" }, posix(["/home/me/.cargo/bin/notedeck"])).command,
      "/home/me/.cargo/bin/notedeck",
    );
    assert.equal(
      resolveServerCommand({ path: "${workspaceFolder}/bin/notedeck" }, posix(["/home/me/노트/bin/notedeck"])).command,
      "/home/me/노트/bin/notedeck",
    );
  });

  it("rejects settings of the wrong type instead of starting something odd", () => {
    assert.throws(() => resolveServerCommand({ path: 42 }, posix([])), /must be a string/);
    assert.throws(() => resolveServerCommand({ args: "lsp" }, posix(["/usr/bin/notedeck"])), /must be a list of strings/);
    assert.throws(() => resolveServerCommand({ args: ["lsp", 1] }, posix(["/usr/bin/notedeck"])), /must be a list of strings/);
  });

  it("keeps an explicitly empty argument list", () => {
    assert.deepEqual(resolveServerCommand({ args: [] }, posix(["/usr/bin/notedeck"])).args, []);
  });

  it("does not hand out the shared default args array", () => {
    const cmd = resolveServerCommand({}, posix(["/usr/bin/notedeck"]));
    cmd.args.push("--changed");
    assert.deepEqual(DEFAULT_SERVER_ARGS, ["lsp"]);
  });
});

describe("findOnPath on Windows", () => {
  const win = (executables: string[]): ResolveContext => ({
    workspaceFolders: ["C:\\notes"],
    home: "C:\\Users\\me",
    platform: "win32",
    env: { Path: "C:\\tools;C:\\Users\\me\\.cargo\\bin", PATHEXT: ".COM;.EXE" },
    isExecutable: (f) => executables.includes(f),
  });

  it("tries PATHEXT extensions", () => {
    assert.equal(findOnPath("notedeck", win(["C:\\Users\\me\\.cargo\\bin\\notedeck.EXE"])), "C:\\Users\\me\\.cargo\\bin\\notedeck.EXE");
  });

  it("resolves a backslash relative path against the workspace folder", () => {
    const cmd = resolveServerCommand({ path: "bin\\notedeck.exe" }, win(["C:\\notes\\bin\\notedeck.exe"]));
    assert.equal(cmd.command, "C:\\notes\\bin\\notedeck.exe");
  });
});

describe("resolveServerCommand on this machine", () => {
  it("finds a real executable through PATH and the file system", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notedeck-vscode-"));
    try {
      const exe = path.join(dir, "notedeck");
      fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
      fs.writeFileSync(path.join(dir, "not-executable"), "", { mode: 0o644 });
      const isExecutable = (f: string): boolean => {
        try {
          fs.accessSync(f, fs.constants.X_OK);
          return fs.statSync(f).isFile();
        } catch {
          return false;
        }
      };
      const ctx: ResolveContext = {
        workspaceFolders: [dir],
        home: os.homedir(),
        platform: "linux",
        env: { PATH: dir },
        isExecutable,
      };
      assert.equal(resolveServerCommand({}, ctx).command, exe);
      assert.throws(() => resolveServerCommand({ path: "./not-executable" }, ctx), /not an executable file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("initializationOptions", () => {
  const ctx = { home: "/home/me", workspaceFolders: ["/home/me/노트"] };

  it("passes the collection with ~ and workspace-relative paths resolved", () => {
    assert.deepEqual(initializationOptions({ collection: "~/Anki2/User 1", leechSeverity: "warning" }, ctx), {
      collection: "/home/me/Anki2/User 1",
      leechSeverity: "warning",
    });
    assert.equal(initializationOptions({ collection: "anki/collection.anki2" }, ctx).collection, "/home/me/노트/anki/collection.anki2");
  });

  it("leaves the collection to the server when unset, and falls back on an unknown severity", () => {
    assert.deepEqual(initializationOptions({ collection: "  ", leechSeverity: "loud" }, ctx), {
      leechSeverity: DEFAULT_LEECH_SEVERITY,
    });
    assert.deepEqual(initializationOptions({}, ctx), { leechSeverity: "information" });
  });
});

describe("package.json", () => {
  const props = manifest.contributes.configuration.properties;

  it("activates on Markdown, the language the client selects", () => {
    assert.ok(manifest.activationEvents.includes("onLanguage:markdown"));
    assert.deepEqual(new Set(DOCUMENT_SELECTOR.map((s) => s.language)), new Set(["markdown"]));
    assert.deepEqual(
      DOCUMENT_SELECTOR.map((s) => s.scheme),
      ["file", "untitled"],
    );
  });

  it("declares the settings the code reads, with the same defaults", () => {
    assert.equal(props["notedeck.server.path"].default, DEFAULT_SERVER_PATH);
    assert.deepEqual(props["notedeck.server.args"].default, DEFAULT_SERVER_ARGS);
    for (const section of RESTART_SECTIONS) {
      assert.ok(props[section], `${section} is not declared in package.json`);
    }
    assert.equal(props["notedeck.anki.leechSeverity"].default, DEFAULT_LEECH_SEVERITY);
    assert.deepEqual(props["notedeck.anki.leechSeverity"].enum, [...LEECH_SEVERITIES]);
    assert.equal(props["notedeck.anki.collection"].default, "");
    // vscode-languageclient reads `<client id>.trace.server`; the client id is "notedeck".
    assert.ok(props["notedeck.trace.server"]);
  });

  it("declares every command the extension registers", () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const source = fs.readFileSync(path.join(root, "src", "extension.ts"), "utf8");
    const registered = [...source.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, declared);
  });
});
