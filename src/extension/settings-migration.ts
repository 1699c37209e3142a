/**
 * The settings were called `reflectLint.*` before 0.2 and are `reflectiveAccounts.*` since, so that
 * VS Code's Settings editor titles them "Reflective Accounts: …" like their group (it takes the title
 * from the key). At start, a value still written under an old key is copied to its new key, for the
 * user's settings and the workspace's, wherever the new key is not set there; the old one is left.
 */
import * as vscode from 'vscode';
import type { ExtensionLog } from './log.js';

const OLD = 'reflectLint';
const NEW = 'reflectiveAccounts';

const LEVELS = [
  ['globalValue', vscode.ConfigurationTarget.Global],
  ['workspaceValue', vscode.ConfigurationTarget.Workspace],
] as const;

/** The extension's setting names, without the prefix, from its manifest (so the list never drifts). */
function settingNames(context: vscode.ExtensionContext): string[] {
  const properties = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: object } } })
    .contributes?.configuration?.properties;
  return Object.keys(properties ?? {})
    .filter((k) => k.startsWith(`${NEW}.`))
    .map((k) => k.slice(NEW.length + 1));
}

export async function migrateSettings(context: vscode.ExtensionContext, log: ExtensionLog): Promise<void> {
  const old = vscode.workspace.getConfiguration(OLD);
  const now = vscode.workspace.getConfiguration(NEW);
  for (const name of settingNames(context)) {
    const was = old.inspect(name);
    const is = now.inspect(name);
    for (const [level, target] of LEVELS) {
      const value = was?.[level];
      if (value === undefined || is?.[level] !== undefined) continue;
      if (target === vscode.ConfigurationTarget.Workspace && !vscode.workspace.workspaceFolders?.length) continue;
      try {
        await now.update(name, value, target);
        log.info(
          `settings: ${OLD}.${name} copied to ${NEW}.${name} (${level === 'globalValue' ? 'user' : 'workspace'})`,
        );
      } catch (e) {
        log.warn(`settings: ${OLD}.${name} could not be copied to ${NEW}.${name}: ${(e as Error).message}`);
      }
    }
  }
}
