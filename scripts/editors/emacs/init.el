;;; reflect-lint in Emacs 28 or later with eglot (built in from Emacs 29; on 28, Debian's elpa-eglot
;;; or M-x package-install RET eglot) and markdown-mode (elpa-markdown-mode, or from a package archive).
(require 'eglot)
(require 'project)

(defun reflect-lint-root (dir)
  "The workspace folder of an account in DIR.
The nearest folder above it that holds .git or rubrics/; else the folder above the outermost one
named accounts, portfolio or reflective-accounts; else DIR. reflectiveAccounts.files globs are matched from it."
  (let ((dir (file-name-as-directory (expand-file-name dir))))
    (or (locate-dominating-file
         dir (lambda (d) (or (file-directory-p (expand-file-name "rubrics" d))
                             (file-exists-p (expand-file-name ".git" d)))))
        (let (named)
          (locate-dominating-file
           dir (lambda (d) (when (member (file-name-nondirectory (directory-file-name d))
                                         '("accounts" "portfolio" "reflective-accounts"))
                             (setq named d))
                 nil))
          (and named (file-name-directory (directory-file-name named))))
        dir)))

(defun reflect-lint-project (dir)
  "A project for Markdown accounts outside version control (project.el would ask for a root)."
  (when (derived-mode-p 'markdown-mode)
    (cons 'transient (reflect-lint-root dir))))
(add-hook 'project-find-functions #'reflect-lint-project 50)

;; gfm-mode (GitHub-flavoured Markdown) derives from markdown-mode; eglot names its language "gfm",
;; which the server accepts as Markdown.
(add-to-list 'eglot-server-programs '((markdown-mode gfm-mode) . ("reflect-lint" "lsp" "--stdio")))
(add-hook 'markdown-mode-hook #'eglot-ensure)

;; The reflectiveAccounts.* settings of the README, without the prefix; any left out keeps its default.
;; For example (:reflectiveAccounts (:defaultUnit "customer-relations" :rules (:criterion-not-evidenced "off"))).
(setq-default eglot-workspace-configuration '(:reflectiveAccounts (:debounceMs 250)))

(defun reflect-lint--command (command &rest arguments)
  (jsonrpc-request (eglot--current-server-or-lose) :workspace/executeCommand
                   (list :command command :arguments (vconcat arguments))))
(defun reflect-lint--uri () (plist-get (eglot--TextDocumentIdentifier) :uri))

(defun reflect-lint-check-document ()
  "Check this Markdown file even though it is not recognised as an account."
  (interactive)
  (reflect-lint--command "reflectLint.checkDocument" (reflect-lint--uri)))

(defun reflect-lint-select-unit (unit)
  "Write `unit: UNIT' into this account's front matter."
  (interactive
   (list (completing-read "Unit: " (mapcar (lambda (u) (plist-get u :id))
                                           (reflect-lint--command "reflectLint.listRubrics")))))
  (reflect-lint--command "reflectLint.selectUnit" (reflect-lint--uri) unit))

(defun reflect-lint-report ()
  "Show the mapping grid of every account in the workspace."
  (interactive)
  (let ((report (reflect-lint--command "reflectLint.report")))
    (with-current-buffer (get-buffer-create "*reflect-lint report*")
      (erase-buffer)
      (insert (plist-get report :content))
      (markdown-mode)
      (pop-to-buffer (current-buffer)))))

(with-eval-after-load 'eglot
  (define-key eglot-mode-map (kbd "C-c r a") #'eglot-code-actions)   ; fixes, Insert criterion reference, Disable RULE
  (define-key eglot-mode-map (kbd "C-c r h") #'eldoc-doc-buffer)     ; the hover of a key term or AC reference
  (define-key eglot-mode-map (kbd "C-c r c") #'reflect-lint-check-document)
  (define-key eglot-mode-map (kbd "C-c r u") #'reflect-lint-select-unit)
  (define-key eglot-mode-map (kbd "C-c r r") #'reflect-lint-report))
