/**
 * The "Reflective Accounts" Output channel, where a learner or a support person looks when something goes
 * wrong: activation, the rubrics loaded, the language server starting and stopping, and every problem. A
 * LogOutputChannel, so VS Code's log level applies (Developer: Set Log Level…, or the channel's own level
 * in the Output panel). The language client writes its own lines and the server's window/logMessage here too.
 */
import * as vscode from 'vscode';

export const LOG_CHANNEL = 'Reflective Accounts';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** How many of the latest lines are kept for the extension's tests (the channel keeps them all). */
const KEEP = 200;

/** The language client's line shape: "[Error - 10:01:02] message" (its time is dropped: the channel stamps its own). */
const CLIENT_LINE = /^\[(Trace|Debug|Info|Warn|Error)\s*- [^\]]*\] ?/;

export class ExtensionLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly lines: string[] = [];
  private readonly logged = new vscode.EventEmitter<string>();
  /** Fired with each line written, after its level is applied by the channel. */
  readonly onDidLog = this.logged.event;

  constructor() {
    this.channel = vscode.window.createOutputChannel(LOG_CHANNEL, { log: true });
  }

  /** The latest lines written, oldest first. */
  get recent(): readonly string[] {
    return this.lines;
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  /**
   * An OutputChannel for the language client (its `outputChannel` option). The client of
   * vscode-languageclient 9 only appends text, so each of its lines is given to the channel at the level it
   * names: an error stays an error when the log level is Warning. Lines without a level (a stack trace
   * under an error) are logged as the line before them was.
   */
  forClient(): vscode.OutputChannel {
    let level: Level = 'info';
    const appendLine = (text: string) => {
      for (const line of text.split(/\r?\n/)) {
        const named = CLIENT_LINE.exec(line);
        if (named) level = named[1].toLowerCase() as Level;
        if (named || line.trim()) this.write(level, named ? line.slice(named[0].length) : line);
      }
    };
    const channel = this.channel;
    return {
      name: channel.name,
      append: appendLine,
      appendLine,
      replace: appendLine,
      clear: () => channel.clear(),
      show: (column?: vscode.ViewColumn | boolean, preserveFocus?: boolean) =>
        channel.show(typeof column === 'boolean' ? column : preserveFocus),
      hide: () => channel.hide(),
      // The extension's subscriptions dispose of the channel; the client must not do it when it stops.
      dispose: () => undefined,
    };
  }

  private write(level: Level, message: string): void {
    this.channel[level](message);
    this.lines.push(`${level}: ${message}`);
    if (this.lines.length > KEEP) this.lines.splice(0, this.lines.length - KEEP);
    this.logged.fire(`${level}: ${message}`);
  }

  dispose(): void {
    this.logged.dispose();
    this.channel.dispose();
  }
}
