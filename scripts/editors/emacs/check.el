;;; Headless check of init.el (scripts/editors/run.mjs): emacs --batch -l init.el ACCOUNT -l check.el.
;;; Starts eglot as eglot-ensure would after a command, waits (bounded, on the server's messages) for its
;;; diagnostics, prints them, asks for a hover and for the quick fixes with the diagnostics as eglot sent
;;; them, applies one, runs a command, and shuts the server down. Fails on any eglot warning.
(defvar reflect-lint-check--published nil)
(defvar reflect-lint-check--warnings nil)
(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics) (push params reflect-lint-check--published))))
(advice-add 'eglot--warn :before (lambda (format &rest args) (push (apply #'format format args) reflect-lint-check--warnings)))

(defun reflect-lint-check--out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun reflect-lint-check--fail (why)
  (message "FAIL %s" why)
  (let ((server (eglot-current-server)))
    (when server
      (with-current-buffer (jsonrpc-events-buffer server)
        (write-region (point-min) (point-max) (concat (getenv "REFLECT_LINT_CHECK_OUT") ".events")))))
  (kill-emacs 1))

(let ((account (current-buffer)))
  (unless (derived-mode-p 'markdown-mode) (reflect-lint-check--fail (format "the account is in %s, not markdown-mode" major-mode)))
  ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
  (run-hooks 'post-command-hook)
  (with-timeout (30 (reflect-lint-check--fail "no diagnostics within 30 s"))
    (while (not (cl-some (lambda (p) (> (length (plist-get p :diagnostics)) 0)) reflect-lint-check--published))
      (accept-process-output nil 0.05)))
  (let* ((server (eglot-current-server))
         (published (cl-find-if (lambda (p) (> (length (plist-get p :diagnostics)) 0)) reflect-lint-check--published))
         (diagnostics (append (plist-get published :diagnostics) nil)))
    (reflect-lint-check--out "EDITOR Emacs %s, eglot %s" emacs-version
                             (or (ignore-errors (mapconcat #'number-to-string (package-desc-version (cadr (assq 'eglot package-alist))) ".")) "?"))
    (reflect-lint-check--out "ROOT %s" (directory-file-name (expand-file-name (project-root (eglot--project server)))))
    (reflect-lint-check--out "SERVER-PID %s" (process-id (jsonrpc--process server)))
    (dolist (d diagnostics)
      (let ((start (plist-get (plist-get d :range) :start)))
        (reflect-lint-check--out "DIAG %d:%d %s %s" (1+ (plist-get start :line)) (1+ (plist-get start :character)) (plist-get d :code) (plist-get d :message))))
    (goto-char (point-min))
    (search-forward "CRM")
    (backward-char 2)
    (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
      (reflect-lint-check--out "HOVER %s" (car (split-string (plist-get (plist-get hover :contents) :value) "\n"))))
    (goto-char (point-min))
    ;; The point on the finding, as a learner puts it there: the server offers the fixes of the findings under it.
    (search-forward "good service")
    (goto-char (match-beginning 0))
    (let* ((line (1- (line-number-at-pos)))
           (here (cl-remove-if-not (lambda (d) (= line (plist-get (plist-get (plist-get d :range) :start) :line))) diagnostics))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start (eglot--pos-to-lsp-position)
                                                        :end (eglot--pos-to-lsp-position))
                                           :context (list :diagnostics (vconcat here)))))
           (chosen nil))
      (seq-doseq (a actions)
        (reflect-lint-check--out "ACTION %s" (plist-get a :title))
        (when (equal (plist-get a :title) "Disable vague-standard for this line") (setq chosen a)))
      (unless chosen (reflect-lint-check--fail "no \"Disable vague-standard for this line\" quick fix"))
      (eglot--apply-workspace-edit (plist-get chosen :edit))
      (with-current-buffer account
        (goto-char (point-min))
        (forward-line line)
        (reflect-lint-check--out "APPLIED %s" (buffer-substring (line-beginning-position) (line-end-position)))))
    (reflect-lint-check--out "COMMAND reflectLint.listRubrics: %d units" (length (reflect-lint--command "reflectLint.listRubrics")))
    (when reflect-lint-check--warnings
      (reflect-lint-check--fail (format "eglot warned: %S" reflect-lint-check--warnings)))
    (set-buffer-modified-p nil)
    (eglot-shutdown server)
    (kill-emacs 0)))
