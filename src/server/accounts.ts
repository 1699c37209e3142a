/**
 * Which documents are reflective accounts, decided here and nowhere else: a Markdown document is
 * one when its front matter names a unit (core unitOf), or its path in a workspace folder matches
 * reflectLint.files, or the writer ran "Check This Document" on it. Any other Markdown is left alone.
 */
import picomatch from 'picomatch';
import { unitOf } from '../core/front-matter.js';
import { markdownFiles, readInput } from '../node/inputs.js';
import { inside, uriToPath } from './paths.js';

/** What accounts.ts needs of an open document. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  getText(): string;
}

const NO_STDIN = () => Buffer.alloc(0);

export class Accounts {
  private folders: string[] = [];
  private match: (path: string) => boolean = () => false;
  /** Documents the writer asked to check though they are not recognised as accounts. */
  private readonly asked = new Set<string>();

  /** The workspace folders, and the globs of reflectLint.files (compiled once, here). */
  configure(folders: readonly string[], files: readonly string[]): void {
    this.folders = [...folders];
    this.match = picomatch([...files], { dot: true });
  }

  /** "Check This Document": the document is an account until it closes. */
  ask(uri: string): void {
    this.asked.add(uri);
  }

  forget(uri: string): void {
    this.asked.delete(uri);
  }

  isAccount(doc: OpenDocument): boolean {
    if (this.asked.has(doc.uri)) return true;
    if (doc.languageId !== 'markdown') return false;
    if (unitOf(doc.getText())) return true;
    const path = uriToPath(doc.uri);
    return !!path && this.matchesFiles(path);
  }

  /**
   * Every Markdown file in the workspace that is an account (by reflectLint.files or by its front
   * matter), with its text when it was read to look at its front matter, so it is not read twice.
   */
  inWorkspace(): Array<{ path: string; text?: string }> {
    const out: Array<{ path: string; text?: string }> = [];
    for (const folder of this.folders) {
      for (const path of markdownFiles(folder)) {
        if (this.matchesFiles(path)) {
          out.push({ path });
          continue;
        }
        const { text } = readInput({ path }, NO_STDIN);
        if (text !== undefined && unitOf(text)) out.push({ path, text });
      }
    }
    return out;
  }

  /** The text of an account on disk, if it can be read as one. */
  read(path: string): string | undefined {
    return readInput({ path }, NO_STDIN).text;
  }

  /** A path as the report names it: relative to its workspace folder. */
  displayPath(path: string): string {
    for (const folder of this.folders) {
      const rel = inside(folder, path);
      if (rel !== undefined) return rel;
    }
    return path;
  }

  private matchesFiles(path: string): boolean {
    return this.folders.some((folder) => {
      const rel = inside(folder, path);
      return rel !== undefined && this.match(rel);
    });
  }
}
