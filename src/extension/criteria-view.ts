/**
 * The "Criteria" view in the Explorer and the status-bar summary, fed by the server's coverage
 * notifications: "What to add next" first (worded by src/core/next-steps.ts), the unit's criteria, the
 * service cycle, and the learner's portfolio (their accounts' evidence together, from the server's
 * report). Every item says its status in words (label, description, tooltip and screen-reader label),
 * never by its icon alone.
 */
import * as vscode from 'vscode';
import type { NextStep } from '../core/next-steps.js';
import type { PortfolioCell } from '../core/portfolio.js';
import type { Coverage, CoverageCriterion, CoverageStage, ReportView } from '../shared/protocol.js';

type Status = CoverageCriterion['status'];

/** A criterion as the actions on it need it: where it is and what it says. */
export interface CriterionRef {
  uri: string;
  /** The account's unit, for the criterion's page. */
  unit: string;
  id: string;
  text: string;
  ability: string;
  status: Status;
}

export type Node =
  | { kind: 'next'; coverage: Coverage }
  | { kind: 'step'; step: NextStep; uri: string; criterion?: CriterionRef }
  | { kind: 'group'; label: 'Criteria' | 'Service cycle'; coverage: Coverage }
  | { kind: 'criterion'; criterion: CoverageCriterion; uri: string; unit: string }
  | { kind: 'evidence'; line: number; preview: string; uri: string; claimed?: boolean }
  | { kind: 'stage'; stage: CoverageStage; uri: string }
  | { kind: 'learner'; coverage: Coverage }
  | { kind: 'learner-criterion'; id: string; text: string; cell: PortfolioCell; uris: Record<string, string> }
  | { kind: 'place'; path: string; line: number; uri?: string; claimed: boolean }
  | { kind: 'note'; text: string };

/** The commands the view's items run (registered in client.ts). */
export const VIEW_COMMANDS = {
  criterionActions: 'reflectLint.criterionActions',
  addCriterionParagraph: 'reflectLint.addCriterionParagraph',
  showCriterionText: 'reflectLint.criterionText',
} as const;

const STATUS_ICON: Record<Status, string> = {
  evidenced: 'pass',
  claimed: 'warning',
  suggested: 'lightbulb',
  missing: 'circle-large-outline',
};
const STATUS_WORDS: Record<Status, string> = {
  evidenced: 'evidenced',
  claimed: 'cited, not yet shown',
  suggested: 'suggested',
  missing: 'missing',
};

/** What the learner's portfolio node shows: the learner's row for the open account's unit. */
type LearnerRow = { nodes: Node[] } | { problem: string };

export class CriteriaView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly coverages = new Map<string, Coverage>();
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** The top nodes of the coverage shown last: the same objects while it stands, so reveal() finds them. */
  private roots: { coverage: Coverage | undefined; nodes: Node[] } | undefined;
  /** The learner's row per coverage (a new coverage asks again: the account's evidence changed). */
  private readonly learnerRows = new WeakMap<Coverage, Promise<LearnerRow>>();
  readonly treeView: vscode.TreeView<Node>;

  /** `portfolio`: the server's report of every account of the learner of the account at `uri`. */
  constructor(private readonly portfolio?: (uri: string) => Thenable<ReportView>) {
    this.status = vscode.window.createStatusBarItem('reflectLint.coverage', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Reflective account coverage';
    this.status.command = 'reflectLint.showCriteria';
    this.treeView = vscode.window.createTreeView('reflectLint.criteria', { treeDataProvider: this });
    this.disposables.push(
      this.status,
      this.changed,
      this.treeView,
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

  /** Coverage of a document the view has been told of. */
  coverageOf(uri: string): Coverage | undefined {
    return this.coverages.get(uri);
  }

  /** Opens the view at "What to add next" of the active account, selected and expanded. */
  async showNextSteps(): Promise<void> {
    const next = this.top().find((n) => n.kind === 'next');
    await vscode.commands.executeCommand('reflectLint.criteria.focus');
    if (next) await this.treeView.reveal(next, { select: true, focus: true, expand: true });
  }

  private refresh(): void {
    this.changed.fire(undefined);
    const c = this.active();
    if (!c || !c.analysed) {
      if (c?.note) {
        this.status.text = '$(debug-pause) Account checks paused';
        this.status.tooltip = c.note;
        this.status.accessibilityInformation = { label: `Account checks paused. ${c.note}` };
        this.status.show();
      } else this.status.hide();
      return;
    }
    const cycle = c.cycle ? `${c.cycle.short} ${c.stages.filter((s) => s.present).length}/${c.stages.length}` : '';
    const criteria = c.rubric
      ? `AC ${c.criteria.filter((x) => x.status === 'evidenced').length}/${c.criteria.length}`
      : '';
    this.status.text = `$(checklist) ${[criteria, cycle].filter(Boolean).join(' · ')}`;
    const stages = !c.cycle
      ? ''
      : c.cycle.short === 'Cycle'
        ? 'service-cycle stages shown'
        : `stages of ${c.cycle.title} shown`;
    this.status.tooltip = c.rubric
      ? `${c.rubric.title}: criteria evidenced${stages ? ` and ${stages}` : ''}. Click to open the Criteria view.`
      : `No unit named: ${stages}. Click to open the Criteria view.`;
    // Read out instead of the text: "3/5" can be read as a date or a fraction, and the icon not at all.
    const said = c.summary?.label ?? '';
    this.status.accessibilityInformation = {
      label: `Reflective account${c.rubric ? `, ${c.rubric.title}` : ', no unit named'}: ${said} Opens the Criteria view.`,
    };
    this.status.show();
  }

  getParent(): Node | undefined {
    // Only the top nodes are revealed (showNextSteps), and they have no parent.
    return undefined;
  }

  getChildren(node?: Node): Node[] | Thenable<Node[]> {
    if (!node) return this.top();
    switch (node.kind) {
      case 'next':
        return node.coverage.nextSteps.length
          ? node.coverage.nextSteps.map((step) => ({
              kind: 'step',
              step,
              uri: node.coverage.uri,
              criterion: step.kind === 'criterion' ? refOf(node.coverage, step.id) : undefined,
            }))
          : [{ kind: 'note', text: 'Nothing: every stage is shown and every criterion evidenced.' }];
      case 'group':
        return node.label === 'Criteria'
          ? node.coverage.criteria.map((criterion) => ({
              kind: 'criterion',
              criterion,
              uri: node.coverage.uri,
              unit: node.coverage.rubric?.id ?? '',
            }))
          : node.coverage.stages.map((stage) => ({ kind: 'stage', stage, uri: node.coverage.uri }));
      case 'criterion': {
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
      case 'learner':
        return this.learnerRow(node.coverage).then((row) =>
          'problem' in row ? [{ kind: 'note', text: row.problem }] : row.nodes,
        );
      case 'learner-criterion': {
        const places = (list: PortfolioCell['where'], claimed: boolean): Node[] =>
          list.map((p) => ({ kind: 'place', path: p.path, line: p.line, uri: node.uris[p.path], claimed }));
        return [...places(node.cell.where, node.cell.status === 'claimed'), ...places(node.cell.claimedIn ?? [], true)];
      }
      default:
        return [];
    }
  }

  /** The top nodes of the active account. */
  top(): Node[] {
    const c = this.active();
    if (!this.roots || this.roots.coverage !== c) this.roots = { coverage: c, nodes: this.topNodes(c) };
    return this.roots.nodes;
  }

  private topNodes(c: Coverage | undefined): Node[] {
    if (!c) return [{ kind: 'note', text: 'Open a reflective account to see its criteria.' }];
    if (!c.analysed)
      return [
        {
          kind: 'note',
          text: c.note ?? 'This document is not checked as an account. Run “Reflective Accounts: Check This Document”.',
        },
      ];
    const nodes: Node[] = [{ kind: 'next', coverage: c }];
    if (c.rubric) nodes.push({ kind: 'group', label: 'Criteria', coverage: c });
    else nodes.push({ kind: 'note', text: 'No unit named: run “Reflective Accounts: Select Unit”.' });
    // The stages of the unit's model (the service cycle unless its rubric names Gibbs or Kolb); none for "cycle": "none".
    if (c.cycle) nodes.push({ kind: 'group', label: 'Service cycle', coverage: c });
    if (c.rubric && this.portfolio) nodes.push({ kind: 'learner', coverage: c });
    return nodes;
  }

  /** The learner's row for the account's unit: each criterion's status across all their accounts, and where. */
  private learnerRow(c: Coverage): Promise<LearnerRow> {
    let row = this.learnerRows.get(c);
    if (!row) {
      row = Promise.resolve(this.portfolio!(c.uri)).then(
        (view): LearnerRow => {
          const unit = view.portfolio.units.find((u) => u.unit === c.rubric?.id);
          const r = unit?.rows.find((x) => x.learner === view.learner) ?? unit?.rows[0];
          if (!unit || !r) return { problem: 'The learner’s other accounts could not be read.' };
          const evidenced = unit.criteria.filter((k) => r.criteria[k.id].status === 'evidenced').length;
          const summary: Node = {
            kind: 'note',
            text: `${evidenced} of ${unit.criteria.length} criteria evidenced across ${r.accounts.length} ${r.accounts.length === 1 ? 'account' : 'accounts'}`,
          };
          return {
            nodes: [
              summary,
              ...unit.criteria.map((k): Node => ({
                kind: 'learner-criterion',
                id: k.id,
                text: k.text,
                cell: r.criteria[k.id],
                uris: view.uris,
              })),
            ],
          };
        },
        (e: Error): LearnerRow => ({ problem: `The learner’s accounts could not be read: ${e.message}` }),
      );
      this.learnerRows.set(c, row);
    }
    return row;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'note':
        return new vscode.TreeItem(node.text, collapsed.None);
      case 'next': {
        const n = node.coverage.nextSteps.length;
        const item = new vscode.TreeItem('What to add next', collapsed.Expanded);
        item.id = `${node.coverage.uri}#next`;
        item.description = n ? `${n} ${n === 1 ? 'thing' : 'things'}` : 'nothing';
        item.tooltip = n
          ? `${n} ${n === 1 ? 'thing' : 'things'} this account does not show yet, each with what would count.`
          : 'Every stage is shown and every criterion evidenced.';
        item.accessibilityInformation = { label: `What to add next: ${item.description}`, role: 'treeitem' };
        item.iconPath = new vscode.ThemeIcon('list-ordered');
        return item;
      }
      case 'step':
        return stepItem(node);
      case 'group': {
        const item = new vscode.TreeItem(
          node.label === 'Criteria'
            ? `${node.coverage.rubric?.title ?? 'Criteria'}`
            : (node.coverage.cycle?.title ?? 'Service cycle'),
          collapsed.Expanded,
        );
        item.id = `${node.coverage.uri}#${node.label}`;
        const s = node.coverage.summary;
        const counts =
          node.label === 'Criteria'
            ? s?.criteria && `${s.criteria.evidenced} of ${s.criteria.of} evidenced`
            : `${node.coverage.stages.filter((x) => x.present).length} of ${node.coverage.stages.length} stages shown`;
        if (counts) item.description = counts;
        item.accessibilityInformation = { label: `${item.label as string}${counts ? `: ${counts}` : ''}` };
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
        item.accessibilityInformation = { label: `AC ${c.id}, ${STATUS_WORDS[c.status]}: ${c.text}` };
        item.iconPath = new vscode.ThemeIcon(STATUS_ICON[c.status]);
        item.id = `${node.uri}#AC${c.id}`;
        const ref = { uri: node.uri, unit: node.unit, id: c.id, text: c.text, ability: c.ability, status: c.status };
        item.contextValue = contextOf(ref);
        if (c.status === 'missing') item.command = actionsCommand(ref);
        return item;
      }
      case 'evidence': {
        const item = new vscode.TreeItem(`Line ${node.line + 1}`, collapsed.None);
        item.description = node.claimed ? `cited, not yet shown · ${node.preview}` : node.preview;
        item.accessibilityInformation = {
          label: `Line ${node.line + 1}${node.claimed ? ', cited, not yet shown' : ', evidence'}: ${node.preview}`,
        };
        if (node.claimed) item.iconPath = new vscode.ThemeIcon('warning');
        item.command = reveal(node.uri, node.line);
        return item;
      }
      case 'stage': {
        const s = node.stage;
        const item = new vscode.TreeItem(s.title, collapsed.None);
        const lines = s.lines
          .map((l) => l + 1)
          .slice(0, 3)
          .join(', ');
        item.description = s.present ? `line ${lines}` : 'missing';
        item.accessibilityInformation = {
          label: s.present ? `${s.title}, shown on line ${lines}` : `${s.title}, missing`,
        };
        item.iconPath = new vscode.ThemeIcon(s.present ? 'pass' : 'circle-large-outline');
        if (s.present) item.command = reveal(node.uri, s.lines[0]);
        return item;
      }
      case 'learner': {
        // Its children ask the server for the learner's other accounts only when it is opened.
        const name = node.coverage.learner ?? 'this learner';
        const item = new vscode.TreeItem(`Learner: ${name}`, collapsed.Collapsed);
        item.id = `${node.coverage.uri}#learner`;
        item.description = 'all their accounts for this unit';
        item.tooltip = `Each criterion of ${node.coverage.rubric?.title ?? 'the unit'} across all of ${name}’s accounts in the workspace: evidenced when any of them shows it.`;
        item.accessibilityInformation = {
          label: `Learner ${name}: each criterion across all their accounts for this unit`,
        };
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
      case 'learner-criterion': {
        const { cell } = node;
        const places = cell.where.length + (cell.claimedIn?.length ?? 0);
        const item = new vscode.TreeItem(`AC ${node.id}`, places ? collapsed.Collapsed : collapsed.None);
        const where = cell.where.map((p) => `${p.path} line ${p.line}`).join(', ');
        const decision = cell.decision ? ` · assessor: ${cell.decision.decision.replace(/-/g, ' ')}` : '';
        item.description = `${STATUS_WORDS[cell.status]}${where ? ` · ${where}` : ''}${decision}`;
        item.tooltip = new vscode.MarkdownString(
          `**AC ${node.id}** (${STATUS_WORDS[cell.status]} across the learner’s accounts)\n\n${node.text}` +
            (where ? `\n\nWhere: ${where}` : ''),
        );
        item.accessibilityInformation = {
          label: `AC ${node.id}, ${STATUS_WORDS[cell.status]} across the learner's accounts${where ? `, in ${where}` : ''}${decision}`,
        };
        item.iconPath = new vscode.ThemeIcon(STATUS_ICON[cell.status]);
        return item;
      }
      case 'place': {
        const item = new vscode.TreeItem(`${node.path}, line ${node.line}`, collapsed.None);
        if (node.claimed) item.description = 'cited, not yet shown';
        item.accessibilityInformation = {
          label: `${node.path}, line ${node.line}${node.claimed ? ', cited, not yet shown' : ', evidence'}`,
        };
        if (node.uri) item.command = reveal(node.uri, node.line - 1);
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

const STEP_WORDS: Record<NonNullable<NextStep['status']>, string> = {
  claimed: 'cited, not yet shown',
  suggested: 'reads like evidence, not yet linked',
  missing: 'missing',
};

function stepItem(node: Extract<Node, { kind: 'step' }>): vscode.TreeItem {
  const { step } = node;
  const item = new vscode.TreeItem(step.title, vscode.TreeItemCollapsibleState.None);
  const state = step.kind === 'stage' ? 'stage not shown yet' : STEP_WORDS[step.status ?? 'missing'];
  item.id = `${node.uri}#next-${step.kind}-${step.id}`;
  item.description = `${state} · ${step.advice}`;
  item.tooltip = new vscode.MarkdownString(
    `**${step.title}** (${state})\n\n${step.advice}${node.criterion?.text ? `\n\n${node.criterion.text}` : ''}`,
  );
  item.accessibilityInformation = { label: `${step.title}, ${state}: ${step.advice}` };
  item.iconPath = new vscode.ThemeIcon(
    step.kind === 'stage' ? 'circle-large-outline' : STATUS_ICON[step.status ?? 'missing'],
  );
  if (node.criterion) item.contextValue = contextOf(node.criterion);
  if (step.status === 'missing' && node.criterion) item.command = actionsCommand(node.criterion);
  else if (step.line !== undefined) item.command = reveal(node.uri, step.line);
  return item;
}

function refOf(c: Coverage, id: string): CriterionRef | undefined {
  const k = c.criteria.find((x) => x.id === id);
  return k && c.rubric
    ? { uri: c.uri, unit: c.rubric.id, id, text: k.text, ability: k.ability, status: k.status }
    : undefined;
}

/** The criterion the node stands for, for the context menu's commands (VS Code passes the node). */
export function criterionOf(node: Node): CriterionRef | undefined {
  if (node.kind === 'step') return node.criterion;
  if (node.kind === 'criterion') {
    const c = node.criterion;
    return { uri: node.uri, unit: node.unit, id: c.id, text: c.text, ability: c.ability, status: c.status };
  }
  return undefined;
}

/** What the context menu offers (package.json `view/item/context`): "Add a paragraph" for a missing one. */
function contextOf(c: CriterionRef): string {
  return c.status === 'missing' ? 'criterion-missing' : 'criterion';
}

function actionsCommand(c: CriterionRef): vscode.Command {
  return { title: `What to do for AC ${c.id}`, command: VIEW_COMMANDS.criterionActions, arguments: [c] };
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
