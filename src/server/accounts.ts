/**
 * Which documents are reflective accounts, decided here and nowhere else: a Markdown document is
 * one when its front matter names a unit (core unitOf), or its place in a workspace folder matches
 * reflectiveAccounts.files, or the writer ran "Check This Document" on it. Any other Markdown is left alone.
 * Documents and folders are URIs of any scheme (src/server/uris.ts); the workspace's files are read
 * through a WorkspaceFiles (on disk, or through the editor).
 */
import picomatch from 'picomatch';
import { unitOf } from '../core/front-matter.js';
import { isMarkdownFile } from '../shared/files.js';
import { inside, nameOf, pathOf, schemeOf } from './uris.js';
import { markdownFilesIn, type WorkspaceFiles } from './workspace-files.js';

/** What accounts.ts needs of an open document. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  getText(): string;
}

/**
 * The language ids editors give Markdown: VS Code, Neovim, Vim, Helix and Sublime say `markdown`;
 * Emacs eglot names it after the major mode (`gfm` for gfm-mode); vim-pandoc says `pandoc`, R and
 * Quarto documents are `rmd` and `quarto`. A compound Vim filetype (`markdown.pandoc`) counts by any part.
 */
export const MARKDOWN_LANGUAGES = ['markdown', 'gfm', 'pandoc', 'rmd', 'quarto', 'rmarkdown', 'multimarkdown'];

/** Whether a document is Markdown: by its language id, or by its file's ending (.md, .markdown…) whatever the id. */
export function isMarkdownDocument(doc: { uri: string; languageId: string }): boolean {
  const id = doc.languageId.toLowerCase();
  return id.split('.').some((part) => MARKDOWN_LANGUAGES.includes(part)) || isMarkdownFile(nameOf(doc.uri));
}

export class Accounts {
  private folders: string[] = [];
  private match: (path: string) => boolean = () => false;
  /** Documents the writer asked to check though they are not recognised as accounts. */
  private readonly asked = new Set<string>();

  /** The workspace folders (URIs), and the globs of reflectiveAccounts.files (compiled once, here). */
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
    if (!isMarkdownDocument(doc)) return false;
    if (unitOf(doc.getText())) return true;
    return this.matchesFiles(doc.uri);
  }

  /**
   * Every Markdown file in the workspace that is an account (by reflectiveAccounts.files or by its front
   * matter), with its text when it was read to look at its front matter, so it is not read twice.
   */
  async inWorkspace(files: WorkspaceFiles): Promise<Array<{ uri: string; text?: string }>> {
    const out: Array<{ uri: string; text?: string }> = [];
    for (const folder of this.folders) {
      for (const uri of await markdownFilesIn(files, folder)) {
        if (this.matchesFiles(uri)) {
          out.push({ uri });
          continue;
        }
        const { text } = await files.readText(uri);
        if (text !== undefined && unitOf(text)) out.push({ uri, text });
      }
    }
    return out;
  }

  /** A document as the report names it: relative to its workspace folder, else its path (or its URI, off disk). */
  displayPath(uri: string): string {
    for (const folder of this.folders) {
      const rel = inside(folder, uri);
      if (rel) return rel;
    }
    return schemeOf(uri) === 'file' ? pathOf(uri) : uri;
  }

  private matchesFiles(uri: string): boolean {
    return this.folders.some((folder) => {
      const rel = inside(folder, uri);
      return !!rel && this.match(rel);
    });
  }
}
