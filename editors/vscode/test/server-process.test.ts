// Starts the server exactly as the extension would (the command resolveServerCommand makes
// from the settings, stdio, no extra flags) and speaks the protocol to it over the same
// JSON-RPC library vscode-languageclient uses: the handshake, a note opened, its diagnostics.
// Needs the built binary: $NOTEDECK_BIN, else target/release/notedeck (scripts/test builds it
// before this runs).

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type Diagnostic,
} from "vscode-languageserver-protocol/node";

import { resolveServerCommand } from "../src/server";

const repo = path.resolve(__dirname, "..", "..", "..", "..");
const binary = process.env["NOTEDECK_BIN"] ?? path.join(repo, "target", "release", "notedeck");
const note = path.join(repo, "notes", "역량평가 정리.md");
const missing = fs.existsSync(binary) ? false : `no server binary at ${binary} (cargo build --release -p notedeck)`;

describe("the server the extension starts", () => {
  it("answers the handshake and reports findings for an opened note", { skip: missing, timeout: 30_000 }, async () => {
    const vault = fs.mkdtempSync(path.join(os.tmpdir(), "notedeck-vscode-"));
    const copy = path.join(vault, path.basename(note));
    fs.copyFileSync(note, copy);
    const cmd = resolveServerCommand(
      { path: binary },
      {
        workspaceFolders: [vault],
        home: os.homedir(),
        platform: process.platform,
        env: process.env,
        isExecutable: (f) => fs.existsSync(f),
      },
    );
    const child = spawn(cmd.command, cmd.args, { cwd: vault, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const conn = createProtocolConnection(child.stdout, child.stdin);
    const uri = pathToFileURL(copy).href;
    const published = new Promise<Diagnostic[]>((resolve) => {
      conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (decodeURIComponent(p.uri) === decodeURIComponent(uri) && p.diagnostics.length > 0) {
          resolve(p.diagnostics);
        }
      });
    });
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(vault).href,
        workspaceFolders: [{ uri: pathToFileURL(vault).href, name: "vault" }],
        capabilities: { general: { positionEncodings: ["utf-16"] } },
      });
      assert.ok(init.capabilities.hoverProvider, "hover");
      assert.ok(init.capabilities.codeActionProvider, "code actions");
      assert.ok(init.capabilities.definitionProvider, "go to definition");
      await conn.sendNotification(InitializedNotification.type, {});
      const text = fs.readFileSync(copy, "utf8");
      await conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: "markdown", version: 1, text },
      });
      const diagnostics = await published;
      // `- *NAS(Neural Architecture Search)**의 한 방법`: a `*` closed by `**` in the notes.
      const line = text.split("\n").findIndex((l) => l.startsWith("- *NAS(Neural Architecture Search)**"));
      assert.ok(line >= 0);
      assert.ok(
        diagnostics.some((d) => d.code === "broken-emphasis" && d.range.start.line === line),
        `no broken-emphasis on line ${line + 1}: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line]))}`,
      );
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0, `the server did not exit cleanly: ${stderr}`);
    } finally {
      conn.dispose();
      child.kill();
      fs.rmSync(vault, { recursive: true, force: true });
    }
  });
});
