/**
 * "Reflective Accounts: Draft Rubric from Unit Document": the server drafts a rubric from the open
 * text or Markdown file (src/core/draft, as `reflect-lint rubrics draft` does); this writes it beside
 * the document as NAME.rubric.json (never over an existing file unless the author picks "Replace"),
 * opens it beside the document (validated by the rubric schema through package.json's
 * jsonValidation) and shows what the author must still check. vscode.workspace.fs only, so the same
 * runs on the web.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DraftRubricRequest } from '../shared/protocol.js';

/** What the command did, for whoever ran it (the extension-host tests read it). */
export interface DraftRubricResult {
  /** The rubric file written; absent when nothing was written. */
  uri?: string;
  id?: string;
  criteria?: number;
  check: string[];
  problem?: string;
}

const UNIT_DOCUMENTS = new Set(['markdown', 'plaintext']);

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function sibling(uri: vscode.Uri, name: string): vscode.Uri {
  return uri.with({ path: `${uri.path.slice(0, uri.path.lastIndexOf('/') + 1)}${name}` });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** NAME-2.rubric.json, NAME-3.rubric.json…: the first name beside `taken` that no file has. */
async function freeName(taken: vscode.Uri): Promise<vscode.Uri> {
  const stem = baseName(taken).replace(/\.rubric\.json$|\.json$/i, '');
  for (let n = 2; ; n++) {
    const candidate = sibling(taken, `${stem}-${n}.rubric.json`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** Where the draft goes: beside the document, or where the author says for an unsaved one. */
async function targetOf(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  if (document.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      title: 'Save the draft rubric',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'unit.rubric.json') : undefined,
      filters: { 'Rubric (JSON)': ['json'] },
    });
  }
  const stem = baseName(document.uri).replace(/\.[^.]+$/, '') || 'unit';
  const target = sibling(document.uri, `${stem}.rubric.json`);
  if (!(await exists(target))) return target;
  // An existing file may hold the author's edits: keeping it is the first (default) choice.
  const other = await freeName(target);
  const pick = await vscode.window.showQuickPick(
    [
      { label: `Keep ${baseName(target)}, and write ${baseName(other)}`, uri: other },
      { label: `Replace ${baseName(target)}`, description: 'its contents are lost', uri: target },
    ],
    { title: `${baseName(target)} already exists` },
  );
  return pick?.uri;
}

/** Writes beside the final name and renames, so a failed write never leaves a half-written rubric in its place. */
async function writeAtomically(target: vscode.Uri, text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  if (!(await exists(target))) {
    await vscode.workspace.fs.writeFile(target, bytes);
    return;
  }
  const temp = sibling(target, `.${baseName(target)}.draft`);
  await vscode.workspace.fs.writeFile(temp, bytes);
  await vscode.workspace.fs.rename(temp, target, { overwrite: true });
}

export function registerDraftRubric(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  let channel: vscode.OutputChannel | undefined;
  const report = () => {
    channel ??= vscode.window.createOutputChannel('Reflective Accounts: Rubric Drafts');
    return channel;
  };
  context.subscriptions.push({ dispose: () => channel?.dispose() });

  const run = async (arg?: unknown): Promise<DraftRubricResult> => {
    const document =
      arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
    if (!document || !UNIT_DOCUMENTS.has(document.languageId)) {
      const problem = 'Open a unit document (a text or Markdown file with its criteria), then try again.';
      void vscode.window.showInformationMessage(problem);
      return { check: [], problem };
    }
    const name = document.isUntitled ? 'the unsaved document' : baseName(document.uri);
    const draft = await client.sendRequest(DraftRubricRequest, {
      text: document.getText(),
      source: document.isUntitled ? undefined : baseName(document.uri),
    });
    const out = report();
    out.appendLine(`${name}: ${draft.json === null ? 'no rubric drafted' : `drafted rubric "${draft.id}"`}`);
    for (const f of draft.found) out.appendLine(`  found: ${f}`);
    if (draft.check.length) out.appendLine('  still to check:');
    for (const c of draft.check) out.appendLine(`  - ${c}`);
    if (draft.json === null) {
      out.appendLine('');
      void vscode.window
        .showWarningMessage(`${name}: no rubric drafted: ${draft.problem}`, 'Show report')
        .then((a) => a && out.show(true));
      return { check: draft.check, problem: draft.problem };
    }
    const target = await targetOf(document);
    if (!target) {
      out.appendLine('  not written: no file chosen\n');
      return { id: draft.id, criteria: draft.criteria, check: draft.check, problem: 'no file chosen' };
    }
    try {
      await writeAtomically(target, draft.json);
    } catch (e) {
      const problem = `cannot write ${baseName(target)}: ${(e as Error).message}`;
      out.appendLine(`  ${problem}\n`);
      void vscode.window.showErrorMessage(`${name}: ${problem}`);
      return { id: draft.id, criteria: draft.criteria, check: draft.check, problem };
    }
    out.appendLine(`  written to ${baseName(target)}`);
    out.appendLine(
      `  to use it: put it in a rubrics folder (the reflectiveAccounts.rubrics setting; rubrics/ by default), and give accounts "unit: ${draft.id}"\n`,
    );
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    void vscode.window
      .showInformationMessage(
        `Drafted rubric "${draft.id}" (${draft.criteria} criteri${draft.criteria === 1 ? 'on' : 'a'}) in ${baseName(target)}. ${draft.check.length} thing${draft.check.length === 1 ? '' : 's'} to check before you use it.`,
        'Show report',
      )
      .then((a) => a && out.show(true));
    return { uri: target.toString(), id: draft.id, criteria: draft.criteria, check: draft.check };
  };
  context.subscriptions.push(vscode.commands.registerCommand('reflectLint.draftRubric', run));
}
