// Loads the bundle VS Code would load (package.json's `main`) against a stand-in `vscode`
// module: the bundle must resolve its imports, activate, register its commands and, when the
// server cannot be found, tell the user which setting to fix instead of failing silently.
// (A real VS Code cannot run here; what the stand-in cannot show is covered by the Neovim
// end-to-end test against the same server.)

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

// Module._load is where Node resolves `require("vscode")`; the typings do not declare it.
const Module = require("node:module") as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };

const root = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

interface Recorded {
  errors: string[];
  commands: string[];
  logged: string[];
}

/**
 * Something that can stand for any part of the VS Code API the language client touches while
 * loading: callable, constructible, extendable, and every property is another such thing.
 */
function anything(): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(t, prop) {
      if (prop === "prototype") {
        return (t as unknown as { prototype: object }).prototype;
      }
      if (prop === Symbol.toPrimitive) {
        return () => 0;
      }
      if (!(prop in t)) {
        t[prop] = anything();
      }
      return t[prop];
    },
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

function fakeVscode(settings: Record<string, unknown>, folders: string[], rec: Recorded): unknown {
  const disposable = { dispose() {} };
  const api: Record<string, unknown> = {
    window: {
      createOutputChannel: (name: string) => ({
        name,
        info: (m: string) => rec.logged.push(`info: ${m}`),
        error: (m: string) => rec.logged.push(`error: ${m}`),
        appendLine: (m: string) => rec.logged.push(m),
        show() {},
        dispose() {},
      }),
      showErrorMessage: (message: string) => {
        rec.errors.push(message);
        return Promise.resolve(undefined);
      },
    },
    commands: {
      registerCommand: (id: string) => {
        rec.commands.push(id);
        return disposable;
      },
      executeCommand: () => Promise.resolve(undefined),
    },
    workspace: {
      workspaceFolders: folders.map((f) => ({ uri: { fsPath: f } })),
      getConfiguration: (section: string) => ({ get: (key: string) => settings[`${section}.${key}`] }),
      onDidChangeConfiguration: () => disposable,
      createFileSystemWatcher: () => disposable,
    },
  };
  return new Proxy(api, {
    get: (t, prop) => (prop in t ? t[prop as string] : anything()),
  });
}

describe("the bundled extension", () => {
  const originalLoad = Module._load;
  let current: unknown;
  before(() => {
    Module._load = function (request, parent, isMain) {
      return request === "vscode" ? current : originalLoad.call(this, request, parent, isMain);
    };
  });
  after(() => {
    Module._load = originalLoad;
  });

  function load(settings: Record<string, unknown>, folders: string[]) {
    const rec: Recorded = { errors: [], commands: [], logged: [] };
    current = fakeVscode(settings, folders, rec);
    const main = path.join(root, manifest.main);
    delete require.cache[require.resolve(main)];
    const ext = require(main) as { activate: (ctx: unknown) => Promise<void>; deactivate: () => Promise<void> };
    return { ext, rec };
  }

  it("is where package.json's main points, a single self-contained file", () => {
    assert.equal(manifest.main, "./out/extension.js");
    const text = fs.readFileSync(path.join(root, manifest.main), "utf8");
    // Everything but `vscode` is bundled: the .vsix ships no node_modules.
    const required = [...text.matchAll(/require\("([^".][^"]*)"\)/g)].map((m) => m[1]);
    const external = required.filter((r) => r !== "vscode" && !r?.startsWith("node:") && !isBuiltin(r ?? ""));
    assert.deepEqual([...new Set(external)], []);
  });

  it("activates, registers its commands, and names the setting to fix when the server is missing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notedeck-ext-"));
    try {
      const { ext, rec } = load({ "notedeck.server.path": path.join(dir, "no-such-notedeck") }, [dir]);
      const subscriptions: unknown[] = [];
      await ext.activate({ subscriptions });
      assert.deepEqual(rec.commands.sort(), ["notedeck.restartServer", "notedeck.showOutput"]);
      assert.equal(rec.errors.length, 1, `expected one error message, got ${JSON.stringify(rec.errors)}`);
      assert.match(rec.errors[0] ?? "", /no-such-notedeck.*not an executable file/);
      assert.ok(rec.logged.some((l) => l.startsWith("error: ") && l.includes("no-such-notedeck")));
      assert.ok(subscriptions.length >= 3, "commands, the output channel and the settings listener are disposed with the extension");
      await ext.deactivate();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function isBuiltin(name: string): boolean {
  return (require("node:module") as { builtinModules: string[] }).builtinModules.includes(name);
}
