/** The "Criteria" view in the Explorer and the status-bar summary, fed by the server's coverage notifications. */
import * as vscode from 'vscode';
import type { Coverage, CoverageCriterion, CoverageStage } from '../shared/protocol.js';

type Node =
  | { kind: 'group'; label: 'Criteria' | 'Service cycle'; coverage: Coverage }
  | { kind: 'criterion'; criterion: CoverageCriterion; uri: string }
  | { kind: 'evidence'; line: number; preview: string; uri: string; claimed?: boolean }
  | { kind: 'stage'; stage: CoverageStage; uri: string }
  | { kind: 'note'; text: string };

const STATUS_ICON: Record<CoverageCriterion['status'], string> = {
  evidenced: 'pass',
  claimed: 'warning',
  suggested: 'lightbulb',
  missing: 'circle-large-outline',
};
const STATUS_WORDS: Record<CoverageCriterion['status'], string> = {
  evidenced: 'evidenced',
  claimed: 'cited, not yet shown',
  suggested: 'suggested',
  missing: 'missing',
};

export class CriteriaView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly coverages = new Map<string, Coverage>();
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.status = vscode.window.createStatusBarItem('reflectLint.coverage', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Reflective account coverage';
    this.status.command = 'reflectLint.showCriteria';
    this.disposables.push(
      this.status,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
  }

  update(coverage: Coverage): void {
    this.coverages.set(coverage.uri, coverage);
    this.refresh();
  }

  forget(uri: string): void {
    this.coverages.delete(uri);
    this.refresh();
  }

  /** Coverage of the document in the active editor, if it is an account. */
  active(): Coverage | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return uri ? this.coverages.get(uri) : undefined;
  }

  private refresh(): void {
    this.changed.fire(undefined);
    const c = this.active();
    if (!c || !c.analysed) {
      if (c?.note) {
        this.status.text = '$(debug-pause) Account checks paused';
        this.status.tooltip = c.note;
        this.status.show();
      } else this.status.hide();
      return;
    }
    const cycle = `Cycle ${c.stages.filter((s) => s.present).length}/6`;
    const criteria = c.rubric
      ? `AC ${c.criteria.filter((x) => x.status === 'evidenced').length}/${c.criteria.length} · `
      : '';
    this.status.text = `$(checklist) ${criteria}${cycle}`;
    this.status.tooltip = c.rubric
      ? `${c.rubric.title}: criteria evidenced and service-cycle stages shown. Click to open the Criteria view.`
      : 'No unit named: service-cycle stages shown. Click to open the Criteria view.';
    this.status.show();
  }

  getChildren(node?: Node): Node[] {
    const c = this.active();
    if (!node) {
      if (!c) return [{ kind: 'note', text: 'Open a reflective account to see its criteria.' }];
      if (!c.analysed)
        return [
          {
            kind: 'note',
            text:
              c.note ?? 'This document is not checked as an account. Run “Reflective Accounts: Check This Document”.',
          },
        ];
      const groups: Node[] = [];
      if (c.rubric) groups.push({ kind: 'group', label: 'Criteria', coverage: c });
      else groups.push({ kind: 'note', text: 'No unit named: run “Reflective Accounts: Select Unit”.' });
      groups.push({ kind: 'group', label: 'Service cycle', coverage: c });
      return groups;
    }
    if (node.kind === 'group') {
      return node.label === 'Criteria'
        ? node.coverage.criteria.map((criterion) => ({ kind: 'criterion', criterion, uri: node.coverage.uri }))
        : node.coverage.stages.map((stage) => ({ kind: 'stage', stage, uri: node.coverage.uri }));
    }
    if (node.kind === 'criterion') {
      const c = node.criterion;
      // Where it is cited without being shown comes first for a claimed criterion: that is what to fix.
      const claims: Node[] = c.claimedIn.map((p) => ({
        kind: 'evidence',
        line: p.line,
        preview: p.preview,
        uri: node.uri,
        claimed: true,
      }));
      const evidence: Node[] = c.paragraphs.map((p) => ({
        kind: 'evidence',
        line: p.line,
        preview: p.preview,
        uri: node.uri,
      }));
      return c.status === 'claimed' ? [...claims, ...evidence] : [...evidence, ...claims];
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'note':
        return new vscode.TreeItem(node.text, collapsed.None);
      case 'group': {
        const item = new vscode.TreeItem(
          node.label === 'Criteria' ? `${node.coverage.rubric?.title ?? 'Criteria'}` : 'Service cycle',
          collapsed.Expanded,
        );
        item.iconPath = new vscode.ThemeIcon(node.label === 'Criteria' ? 'checklist' : 'sync');
        return item;
      }
      case 'criterion': {
        const c = node.criterion;
        const item = new vscode.TreeItem(
          `AC ${c.id}`,
          c.paragraphs.length || c.claimedIn.length ? collapsed.Collapsed : collapsed.None,
        );
        item.description = `${STATUS_WORDS[c.status]} · ${c.text}`;
        const why =
          c.status === 'claimed'
            ? '\n\nA paragraph cites it but does not yet say what you did for it: add what you did.'
            : '';
        item.tooltip = new vscode.MarkdownString(`**AC ${c.id}** (${STATUS_WORDS[c.status]})\n\n${c.text}${why}`);
        item.iconPath = new vscode.ThemeIcon(STATUS_ICON[c.status]);
        item.id = `${node.uri}#AC${c.id}`;
        return item;
      }
      case 'evidence': {
        const item = new vscode.TreeItem(`Line ${node.line + 1}`, collapsed.None);
        item.description = node.claimed ? `cited, not yet shown · ${node.preview}` : node.preview;
        if (node.claimed) item.iconPath = new vscode.ThemeIcon('warning');
        item.command = reveal(node.uri, node.line);
        return item;
      }
      case 'stage': {
        const s = node.stage;
        const item = new vscode.TreeItem(s.title, collapsed.None);
        item.description = s.present
          ? `line ${s.lines
              .map((l) => l + 1)
              .slice(0, 3)
              .join(', ')}`
          : 'missing';
        item.iconPath = new vscode.ThemeIcon(s.present ? 'pass' : 'circle-large-outline');
        if (s.present) item.command = reveal(node.uri, s.lines[0]);
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function reveal(uri: string, line: number): vscode.Command {
  return {
    title: 'Go to evidence',
    command: 'vscode.open',
    arguments: [
      vscode.Uri.parse(uri),
      { selection: new vscode.Range(line, 0, line, 0) } satisfies vscode.TextDocumentShowOptions,
    ],
  };
}
