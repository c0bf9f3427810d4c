// The VS Code side of notedeck: starts `notedeck lsp` on stdio for Markdown documents and
// restarts it when its settings change. Everything the user sees (diagnostics, hover, quick
// fixes, code lenses) comes from the server through vscode-languageclient; this file only
// wires settings, the output channel and two commands.

import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

import {
  DOCUMENT_SELECTOR,
  RESTART_SECTIONS,
  ServerSettingsError,
  WATCHED_FILES,
  initializationOptions,
  resolveServerCommand,
  type ServerCommand,
} from "./server";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("notedeck", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("notedeck.restartServer", () => restart()),
    vscode.commands.registerCommand("notedeck.showOutput", () => output?.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SECTIONS.some((s) => e.affectsConfiguration(s))) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const command = currentServerCommand();
  if (command === undefined) {
    return;
  }
  output?.info(`starting ${command.command} ${command.args.join(" ")}`);
  const serverOptions: ServerOptions = { command: command.command, args: command.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map((s) => ({ ...s })),
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED_FILES) },
    initializationOptions: initializationOptions(
      {
        collection: vscode.workspace.getConfiguration("notedeck.anki").get<unknown>("collection"),
        leechSeverity: vscode.workspace.getConfiguration("notedeck.anki").get<unknown>("leechSeverity"),
      },
      { home: os.homedir(), workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath) },
    ),
  };
  client = new LanguageClient("notedeck", "notedeck", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    output?.error(`the server failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage(`notedeck: the language server failed to start (${String(err)}).`, "Show Output").then(
      (choice) => choice && output?.show(),
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
  await running?.dispose();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

/** The server command from the settings, or undefined after telling the user what to fix. */
function currentServerCommand(): ServerCommand | undefined {
  const config = vscode.workspace.getConfiguration("notedeck.server");
  try {
    return resolveServerCommand(
      { path: config.get<unknown>("path"), args: config.get<unknown>("args") },
      {
        workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
        home: os.homedir(),
        platform: process.platform,
        env: process.env,
        isExecutable,
      },
    );
  } catch (err) {
    if (!(err instanceof ServerSettingsError)) {
      throw err;
    }
    output?.error(err.message);
    void vscode.window.showErrorMessage(`notedeck: ${err.message}`, "Open Settings").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "notedeck.server");
      }
    });
    return undefined;
  }
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    // Windows has no execute bit; existence (with a PATHEXT extension) is what counts there.
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}
