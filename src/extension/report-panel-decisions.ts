/**
 * The report panel's decisions on the desktop: written with src/node/assessments.ts, as `reflect-lint assess`
 * writes them (a lock against another window or terminal writing at once, then a temporary file renamed over
 * the store; a store that cannot be read is never written over). Node only: the web entry gives none.
 */
import * as vscode from 'vscode';
import type { AssessorDecision } from '../core/portfolio.js';
import { recordDecision } from '../node/assessments.js';

export async function recordDecisionOnDisk(folder: vscode.Uri, decision: AssessorDecision): Promise<vscode.Uri> {
  if (folder.scheme !== 'file')
    throw new Error(`${folder.toString(true)}: decisions are recorded only in folders on this computer`);
  return vscode.Uri.file(recordDecision(folder.fsPath, decision));
}
