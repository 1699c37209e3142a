// Shared helpers for the extension-host tests. Everything waits on VS Code
// events (onDidChangeDiagnostics, onDidChangeTextDocument, the Criteria view's
// onDidChangeTreeData), bounded by a timeout; nothing sleeps a fixed time.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'reflect-lint.reflect-lint';
const SOURCE = 'reflect-lint';
const WAIT_MS = 15_000;

/** Figures the tests measure; index.cjs puts them into the results file. */
const metrics = [];
function record(name, value, unit = 'ms', detail) {
  metrics.push({ name, value: Math.round(value * 10) / 10, unit, ...(detail ? { detail } : {}) });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function extension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** The object the extension's activate() returned: { client, view }. */
async function api() {
  return extension().activate();
}

function root() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return folder.uri;
}

function uriOf(rel) {
  return vscode.Uri.joinPath(root(), ...rel.split('/'));
}

async function readText(rel) {
  return Buffer.from(await vscode.workspace.fs.readFile(uriOf(rel))).toString('utf8');
}

async function writeText(rel, text) {
  await vscode.workspace.fs.writeFile(uriOf(rel), Buffer.from(text, 'utf8'));
  return uriOf(rel);
}

let copies = 0;
/**
 * A fresh copy of a workspace fixture under a new name in the same folder, so
 * that a test that edits a document never sees another test's edits.
 */
async function copyFixture(rel, label = 'copy') {
  const dot = rel.lastIndexOf('.');
  const target = `${rel.slice(0, dot)}.${label}-${++copies}${rel.slice(dot)}`;
  await writeText(target, await readText(rel));
  return target;
}

/** Opens a workspace file (relative path) in an editor and makes it active. */
async function open(rel, options = {}) {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, ...options });
  return { doc, editor, uri: doc.uri };
}

/** This extension's diagnostics on a document. */
function diagnosticsOf(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(list, max = 12) {
  if (!list.length) return '(none)';
  const lines = list
    .slice(0, max)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message.slice(0, 60)}`);
  if (list.length > max) lines.push(`… and ${list.length - max} more`);
  return lines.join('\n    ');
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/**
 * Waits on an event until `check()` returns a truthy value (checked at once too).
 * Rejects after timeoutMs with a message saying what was awaited.
 */
function waitFor(event, check, what, timeoutMs = WAIT_MS, explain = () => '') {
  return new Promise((resolve, reject) => {
    let sub;
    let timer;
    const finish = (fn, v) => {
      sub?.dispose();
      clearTimeout(timer);
      fn(v);
    };
    const test = () => {
      let v;
      try {
        v = check();
      } catch (e) {
        finish(reject, e);
        return true;
      }
      if (v) finish(resolve, v);
      return !!v;
    };
    if (test()) return;
    sub = event(() => void test());
    timer = setTimeout(() => {
      const more = explain();
      finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}${more ? `\n    ${more}` : ''}`));
    }, timeoutMs);
  });
}

/** Waits until this extension's diagnostics on `uri` satisfy `predicate`; resolves with them. */
function waitForDiagnostics(uri, predicate, what = 'diagnostics', timeoutMs = WAIT_MS) {
  return waitFor(
    (listener) =>
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && listener()),
    () => {
      const list = diagnosticsOf(uri);
      return predicate(list) ? list : undefined;
    },
    `${what} on ${vscode.workspace.asRelativePath(uri)}`,
    timeoutMs,
    () => `diagnostics now:\n    ${describeDiagnostics(diagnosticsOf(uri))}`,
  );
}

/** Waits until the Criteria view's coverage of the active editor satisfies `predicate`. */
async function waitForCoverage(predicate, what = 'coverage', timeoutMs = WAIT_MS) {
  const { view } = await api();
  return waitFor(
    (listener) => view.onDidChangeTreeData(listener),
    () => {
      const c = view.active();
      return c && predicate(c) ? c : undefined;
    },
    `${what} in the Criteria view`,
    timeoutMs,
    () => `coverage now: ${JSON.stringify(view.active())?.slice(0, 300)}`,
  );
}

/** Resolves once a change makes the document's text satisfy `predicate`. */
function waitForText(doc, predicate, what = 'a document change', timeoutMs = WAIT_MS) {
  return waitFor(
    (listener) => vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && listener()),
    () => (predicate(doc.getText()) ? doc.getText() : undefined),
    what,
    timeoutMs,
  );
}

/** The position of `needle` (the n-th occurrence) in the document, plus `delta` characters. */
function positionOf(doc, needle, delta = 0, nth = 1) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `“${needle}” (occurrence ${nth}) not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
  return doc.positionAt(at + delta);
}

function rangeOf(doc, needle) {
  const start = positionOf(doc, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/**
 * A server round trip that cannot answer before the server has handled every
 * earlier message about this document: the server answers hover from the
 * document's current analysis, analysing it first if its scheduled check has
 * not run yet. After it, any diagnostics the server would publish for the
 * document have been received.
 */
async function serverHasSeen(uri) {
  await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));
}

/**
 * Runs a command that opens a quick pick and accepts the pick's highlighted
 * (first) item, as a user pressing Enter would: Enter is pressed again after
 * each round trip until the command finishes, because the quick pick opens
 * only after the command's own request to the server. Bounded by timeoutMs.
 * Resolves with the command's result.
 */
async function runAcceptingQuickPick(commandId, timeoutMs = WAIT_MS, args = []) {
  let finished = false;
  const command = Promise.resolve(vscode.commands.executeCommand(commandId, ...args)).finally(() => (finished = true));
  const deadline = Date.now() + timeoutMs;
  while (!finished) {
    if (Date.now() > deadline)
      throw new Error(`${commandId} did not finish within ${timeoutMs} ms of accepting its quick pick`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([command, new Promise((r) => setImmediate(r))]);
  }
  return command;
}

/**
 * A fresh copy of the weak fixture account (accounts/weak.md: a paragraph with many findings, the
 * account-wide ones on its title), open, once its diagnostics have come: { doc, editor, uri, list }.
 */
async function freshWeak(label) {
  const rel = await copyFixture('accounts/weak.md', label);
  const opened = await open(rel);
  const list = await waitForDiagnostics(
    opened.uri,
    (d) => d.some((x) => codeOf(x) === 'vague-standard'),
    'the vague-standard finding',
  );
  return { ...opened, list };
}

function markdownOf(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  WAIT_MS,
  metrics,
  record,
  median,
  extension,
  api,
  root,
  uriOf,
  readText,
  writeText,
  copyFixture,
  freshWeak,
  open,
  diagnosticsOf,
  describeDiagnostics,
  codeOf,
  waitFor,
  waitForDiagnostics,
  waitForCoverage,
  waitForText,
  positionOf,
  rangeOf,
  serverHasSeen,
  runAcceptingQuickPick,
  markdownOf,
};
