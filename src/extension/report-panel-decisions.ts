/**
 * The report panel's decisions on the desktop. In folders on this computer they are written with
 * src/node/assessments.ts, as `reflect-lint assess` writes them (a lock made with an exclusive create,
 * then a temporary file flushed and renamed over the store; a store that cannot be read is never written
 * over); in other folders (a remote or virtual workspace) through vscode.workspace.fs, as on the web.
 */
import * as vscode from 'vscode';
import type { AssessorDecision } from '../core/portfolio.js';
import { recordDecision } from '../node/assessments.js';
import { recordDecisionThroughEditor } from './decisions-fs.js';

export async function recordDecisionOnDisk(folder: vscode.Uri, decision: AssessorDecision): Promise<vscode.Uri> {
  if (folder.scheme !== 'file') return recordDecisionThroughEditor(folder, decision);
  return vscode.Uri.file(recordDecision(folder.fsPath, decision));
}
